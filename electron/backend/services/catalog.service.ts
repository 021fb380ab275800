import type { z } from 'zod';
import { catalogToCsv } from '../../../shared/catalog/catalog-import-export';
import { CATALOG_KINDS, type CatalogKind, type CatalogRowByKind, type CloudGpuPriceRow } from '../../../shared/catalog/catalog-types';
import { catalogFieldText } from '../../../shared/catalog/catalog-issue-text';
import { validateCatalogRow } from '../../../shared/catalog/validate-catalog-row';
import type { CatalogEntry, CatalogExportInput, CatalogImportInput, CatalogListInput } from '../../../shared/contract/catalog';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/catalog.repository';
import { defaultRow, effectiveRows, toEntry, type AnyRow, type EffectiveRow } from './catalog-effective';
import { parseImport } from './catalog-import';
import { recomputeRunsOnHardware } from './run-costs';

/**
 * Catalog use cases. Defaults stay in code; a user's edit of a default or a row of their own is
 * stored whole in SQLite (validated by shared/catalog first) and wins by (kind, id).
 */
const SEARCH_FIELDS = ['id', 'name', 'vendor', 'provider', 'model', 'region', 'hardwareId', 'source'] as const;

function today(ctx: BackendContext): string {
  return ctx.clock().toISOString();
}

function findEffective(ctx: BackendContext, kind: CatalogKind, id: string): EffectiveRow {
  const r = effectiveRows(ctx.db, kind).find((e) => e.row.id === id);
  if (!r) throw new AppError('NOT_FOUND', `No ${kind} row with id "${id}" in the catalog.`, { location: { field: 'id' } });
  return r;
}

export function listCatalog(ctx: BackendContext, input: z.output<typeof CatalogListInput>): CatalogEntry[] {
  const needle = input.search?.trim().toLowerCase();
  return effectiveRows(ctx.db, input.kind)
    .filter((r) => !input.origin || r.origin === input.origin)
    .filter((r) => {
      if (!needle) return true;
      const rec = r.row as unknown as Record<string, unknown>;
      return SEARCH_FIELDS.some((f) => typeof rec[f] === 'string' && (rec[f] as string).toLowerCase().includes(needle));
    })
    .map((r) => toEntry(r, today(ctx)));
}

export function getCatalogEntry(ctx: BackendContext, kind: CatalogKind, id: string) {
  const r = findEffective(ctx, kind, id);
  const d = r.origin === 'edited' ? defaultRow(kind, id) : undefined;
  return { entry: toEntry(r, today(ctx)), defaultRow: d ? ({ ...d } as Record<string, unknown>) : null };
}

function validated(kind: CatalogKind, row: unknown, pathPrefix: string): AnyRow {
  const r = validateCatalogRow(kind, row);
  if (!r.ok) {
    const first = r.errors[0];
    throw new AppError('INVALID_INPUT', catalogFieldText(first?.field ?? '', first?.message ?? 'invalid row'), {
      issues: r.errors.map((e) => ({ path: `${pathPrefix}${e.field}`, message: e.message })),
      location: { field: `${pathPrefix}${first?.field ?? ''}` },
    });
  }
  return r.row as AnyRow;
}

/** Every price row must name a device the catalog knows, or estimates could not use it. */
function checkPriceReferences(ctx: BackendContext, incoming: { kind: CatalogKind; row: AnyRow }[]): void {
  const hardware = new Set(effectiveRows(ctx.db, 'hardware').map((r) => r.row.id));
  for (const i of incoming) if (i.kind === 'hardware') hardware.add(i.row.id);
  const bad = incoming.filter((i) => i.kind === 'cloud-gpu-price' && !hardware.has((i.row as CloudGpuPriceRow).hardwareId));
  if (bad.length > 0) {
    const first = bad[0]!.row as CloudGpuPriceRow;
    throw new AppError('INVALID_INPUT', catalogFieldText('hardwareId', `price "${first.id}" names hardware "${first.hardwareId}", which is not in the catalog; add the device first`), {
      issues: bad.map((b) => ({ path: `${b.row.id}.hardwareId`, message: `unknown hardware id "${(b.row as CloudGpuPriceRow).hardwareId}"` })),
      location: { field: 'hardwareId' },
    });
  }
}

/** Key-order-independent form of a row, for "is this the built-in row unchanged?". */
function canonical(row: object): string {
  const rec = row as Record<string, unknown>;
  return JSON.stringify(Object.keys(rec).filter((k) => rec[k] !== undefined).sort().map((k) => [k, rec[k]]));
}

/**
 * Stores one validated row. A row identical to its built-in default is not stored (and any edit
 * of it is dropped), so re-importing an exported catalog does not turn every default into an edit.
 */
function write(ctx: BackendContext, kind: CatalogKind, row: AnyRow, now: string): 'added' | 'updated' | 'unchanged' {
  const existing = repo.getCatalogRow(ctx.db, kind, row.id);
  const builtIn = defaultRow(kind, row.id);
  if (builtIn && canonical(builtIn) === canonical(row)) {
    if (existing) repo.deleteCatalogRow(ctx.db, kind, row.id);
    return existing ? 'updated' : 'unchanged';
  }
  if (existing && canonical(existing.data) === canonical(row)) return 'unchanged';
  repo.upsertCatalogRow(ctx.db, { kind, id: row.id, data: row, source: row.source, asOf: row.asOf, updatedAt: now, ...(existing ? { createdAt: existing.createdAt } : {}) });
  return existing || builtIn ? 'updated' : 'added';
}

/** Every window's catalog, estimates and run costs follow an edit (run costs also come with runs.changed). */
function changed(ctx: BackendContext, kinds: string[]): void {
  ctx.emit({ type: 'catalog.changed', payload: { kinds } });
}

export function upsertCatalogRow(ctx: BackendContext, kind: CatalogKind, input: Record<string, unknown>): CatalogEntry {
  const row = validated(kind, input, 'row.');
  const entry = ctx.db.transaction(() => {
    checkPriceReferences(ctx, [{ kind, row }]);
    const before = effectiveRows(ctx.db, kind).find((e) => e.row.id === row.id);
    write(ctx, kind, row, today(ctx));
    recomputeRunsOnHardware(ctx, [{ kind, row }, ...(before ? [before] : [])]);
    return toEntry(findEffective(ctx, kind, row.id), today(ctx));
  })();
  changed(ctx, [kind]);
  return entry;
}

/** Brings back the built-in row; only for defaults (the user's own rows are deleted instead). */
export function resetCatalogRow(ctx: BackendContext, kind: CatalogKind, id: string): CatalogEntry {
  if (!defaultRow(kind, id)) {
    findEffective(ctx, kind, id);
    throw new AppError('CONFLICT', `"${id}" is your own ${kind} row, not a built-in one: there is no default to reset to. Delete it instead.`, { location: { field: 'id' } });
  }
  const entry = ctx.db.transaction(() => {
    const before = findEffective(ctx, kind, id);
    repo.deleteCatalogRow(ctx.db, kind, id);
    const after = findEffective(ctx, kind, id);
    recomputeRunsOnHardware(ctx, [before, after]);
    return toEntry(after, today(ctx));
  })();
  changed(ctx, [kind]);
  return entry;
}

export function deleteCatalogRow(ctx: BackendContext, kind: CatalogKind, id: string): { kind: CatalogKind; id: string } {
  const deleted = ctx.db.transaction(() => {
    const r = findEffective(ctx, kind, id);
    if (r.origin !== 'added') throw new AppError('CONFLICT', `"${id}" is a built-in ${kind} row and cannot be deleted${r.origin === 'edited' ? '; reset it to undo your edit' : ''}.`, { location: { field: 'id' } });
    if (kind === 'hardware') {
      const prices = effectiveRows(ctx.db, 'cloud-gpu-price').filter((p) => (p.row as CloudGpuPriceRow).hardwareId === id);
      if (prices.length > 0) throw new AppError('CONFLICT', `"${id}" has ${prices.length} price row(s) (${prices.map((p) => p.row.id).join(', ')}); delete them first.`, { location: { field: 'id' } });
    }
    repo.deleteCatalogRow(ctx.db, kind, id);
    recomputeRunsOnHardware(ctx, [r]);
    return { kind, id };
  })();
  changed(ctx, [kind]);
  return deleted;
}

export function importCatalog(ctx: BackendContext, input: z.output<typeof CatalogImportInput>) {
  const parsed = parseImport(input.format, input.content, input.kind);
  const now = today(ctx);
  const result = ctx.db.transaction(() => {
    checkPriceReferences(ctx, parsed.flatMap((p) => p.rows.map((row) => ({ kind: p.kind, row }))));
    const touched = parsed.flatMap((p) => p.rows.map((row) => ({ kind: p.kind as string, row })));
    const before = effectiveRows(ctx.db).filter((e) => touched.some((t) => t.kind === e.kind && t.row.id === e.row.id));
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const byKind: Partial<Record<CatalogKind, number>> = {};
    for (const p of parsed) {
      for (const row of p.rows) {
        counts[write(ctx, p.kind, row, now)] += 1;
      }
      if (p.rows.length > 0) byKind[p.kind] = (byKind[p.kind] ?? 0) + p.rows.length;
    }
    recomputeRunsOnHardware(ctx, [...touched, ...before]);
    return { ...counts, byKind };
  })();
  if (result.added + result.updated > 0) changed(ctx, Object.keys(result.byKind));
  return result;
}

export function exportCatalog(ctx: BackendContext, input: z.output<typeof CatalogExportInput>) {
  const kinds = input.kind ? [input.kind] : [...CATALOG_KINDS];
  const rowsOf = (k: CatalogKind) => effectiveRows(ctx.db, k).filter((r) => input.only === 'all' || r.origin !== 'default').map((r) => r.row);
  if (input.format === 'csv') {
    const kind = kinds[0] as CatalogKind;
    const rows = rowsOf(kind);
    return { format: 'csv' as const, content: catalogToCsv(kind, rows as CatalogRowByKind[typeof kind][]), rows: rows.length };
  }
  const body = Object.fromEntries(kinds.map((k) => [k, rowsOf(k)]));
  return { format: 'json' as const, content: `${JSON.stringify(body, null, 2)}\n`, rows: Object.values(body).reduce((n, r) => n + r.length, 0) };
}
