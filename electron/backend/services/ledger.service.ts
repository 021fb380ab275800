import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { BillImportInput, BillImportResult, LedgerAddInput, LedgerEntry, LedgerListInput, LedgerUpdateInput, RunSpend } from '../../../shared/contract/ledger';
import type { Project } from '../../../shared/contract/projects';
import type { RunStatus } from '../../../shared/contract/runs';
import { AppError, notFound, invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/ledger.repository';
import { activeRunsOfProject } from '../db/repositories/runs.repository';
import { parseBill } from './bill-import';
import { figuresAt } from './run-costs';
import { mustGetProject } from './project-lookup';

/**
 * The ledger of a project and the runs' costs listed beside it. An entry in a currency other
 * than the project's needs a rate (given, or the project's own USD rate for USD); without one it
 * is refused rather than counted 1:1.
 */
type AddInput = z.output<typeof LedgerAddInput>;
type Patch = z.output<typeof LedgerUpdateInput>['patch'];

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());


function mustGetEntry(ctx: BackendContext, id: string): LedgerEntry {
  const e = repo.getLedgerEntry(ctx.db, id);
  if (!e) throw notFound('ledger entry', id, { field: 'id' });
  return e;
}

/** The rate into the project's currency for an amount in `currency`, or null when none is known. */
export function rateInto(project: Project, currency: string, given: number | null | undefined): number | null {
  if (currency === project.currency) return null;
  if (given != null) return given;
  if (currency === 'USD' && project.usdRate !== undefined) return project.usdRate;
  return Number.NaN;
}

export function converted(amountCents: number, fx: number | null): number {
  if (fx === null) return amountCents;
  const x = amountCents * fx;
  return Math.sign(x) * Math.round(Math.abs(x));
}

function withConversion(project: Project, e: Omit<LedgerEntry, 'fxRate' | 'projectAmountCents'>, given: number | null | undefined, field: string) {
  const fx = rateInto(project, e.currency, given);
  if (fx !== null && Number.isNaN(fx)) {
    throw invalidInput(field, `the entry is in ${e.currency} and the project in ${project.currency}; give the exchange rate (${project.currency} per 1 ${e.currency})`, {
      issue: `an exchange rate is needed for ${e.currency}`,
    });
  }
  return { ...e, fxRate: fx, projectAmountCents: converted(e.amountCents, fx) };
}

function changed(ctx: BackendContext, projectId: string): void {
  ctx.emit({ type: 'ledger.changed', payload: { projectId } });
}

function runSpend(ctx: BackendContext, projectId: string, from?: string, to?: string): RunSpend[] {
  const now = ctx.clock().getTime();
  const out: RunSpend[] = [];
  for (const r of activeRunsOfProject(ctx.db, projectId)) {
    const date = r.startTime == null ? null : new Date(r.startTime).toISOString().slice(0, 10);
    if ((from && (!date || date < from)) || (to && (!date || date > to))) continue;
    const f = figuresAt(r, now);
    out.push({
      source: 'run',
      runId: r.id,
      runName: r.name,
      experimentId: String(r.experimentId),
      experimentName: r.experimentName,
      status: r.status as RunStatus,
      running: r.status === 'RUNNING' && r.endTime == null,
      date,
      startTime: iso(r.startTime),
      endTime: iso(r.endTime),
      category: 'compute',
      costCents: f.costCents,
      currency: r.projectCurrency,
      costUsdCents: f.costUsdCents,
      costCentsPerHour: r.costCentsPerHour,
      hours: f.hours,
      basis: r.costBasis,
      unknownReason: r.costUnknownReason,
      scenarioId: r.scenarioId,
    });
  }
  return out;
}

export function listLedger(ctx: BackendContext, input: z.output<typeof LedgerListInput>) {
  const p = mustGetProject(ctx, input.projectId);
  return {
    projectId: p.id,
    currency: p.currency,
    entries: repo.listLedger(ctx.db, p.id, input.from, input.to),
    runs: input.includeRuns ? runSpend(ctx, p.id, input.from, input.to) : [],
  };
}

export function addLedgerEntry(ctx: BackendContext, input: AddInput): LedgerEntry {
  const p = mustGetProject(ctx, input.projectId);
  const now = ctx.clock().toISOString();
  const base = { id: ctx.newId(), projectId: p.id, date: input.date, amountCents: input.amountCents, currency: input.currency ?? p.currency, category: input.category, source: 'manual' as const, description: input.description.trim(), importKey: null, createdAt: now, updatedAt: now };
  const entry = withConversion(p, base, input.fxRate, 'fxRate');
  repo.insertLedgerEntry(ctx.db, entry);
  changed(ctx, p.id);
  return entry;
}

export function updateLedgerEntry(ctx: BackendContext, id: string, patch: Patch): LedgerEntry {
  const entry = ctx.db.transaction(() => {
    const cur = mustGetEntry(ctx, id);
    const p = mustGetProject(ctx, cur.projectId);
    const { fxRate, ...fields } = patch;
    const currencyChanged = fields.currency !== undefined && fields.currency !== cur.currency;
    const given = fxRate !== undefined ? fxRate : currencyChanged ? undefined : cur.fxRate;
    const { fxRate: _fx, projectAmountCents: _pa, ...rest } = cur;
    const next = withConversion(p, { ...rest, ...fields, ...(fields.description !== undefined ? { description: fields.description.trim() } : {}), updatedAt: ctx.clock().toISOString() }, given, 'patch.fxRate');
    repo.updateLedgerEntry(ctx.db, next);
    return next;
  }).immediate();
  changed(ctx, entry.projectId);
  return entry;
}

export function deleteLedgerEntry(ctx: BackendContext, id: string): { id: string } {
  const e = mustGetEntry(ctx, id);
  repo.deleteLedgerEntry(ctx.db, id);
  changed(ctx, e.projectId);
  return { id };
}

function billText(input: z.output<typeof BillImportInput>): string {
  if (input.csv !== undefined) return input.csv;
  try {
    return readFileSync(input.path as string, 'utf8');
  } catch (e) {
    throw new AppError('FILE_NOT_FOUND', `Cannot read the bill ${input.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { location: { file: input.path as string } });
  }
}

/**
 * Imports a bill's CSV. Bad rows are listed by line and field and skipped; rows already in the
 * ledger (same bill line imported before) are counted as duplicates and not added again.
 * `preview: true` reports the same and changes nothing.
 */
export function importBill(ctx: BackendContext, input: z.output<typeof BillImportInput>): BillImportResult {
  const p = mustGetProject(ctx, input.projectId);
  const parsed = parseBill(billText(input), {
    mapping: input.mapping,
    hasHeader: input.hasHeader,
    dateFormat: input.dateFormat,
    decimalSeparator: input.decimalSeparator,
    defaultCurrency: input.currency ?? p.currency,
    defaultCategory: input.defaultCategory,
  });
  const errors = [...parsed.problems];
  let skipped = parsed.skipped;
  const lines = parsed.lines.filter((l) => {
    const fx = rateInto(p, l.currency, input.fxRate);
    if (fx !== null && Number.isNaN(fx)) {
      errors.push({ line: l.line, field: 'currency', message: `the amount is in ${l.currency} and the project in ${p.currency}; give fxRate (${p.currency} per 1 ${l.currency})` });
      skipped++;
      return false;
    }
    return true;
  });
  errors.sort((a, b) => a.line - b.line);
  return ctx.db.transaction(() => {
    const existing = repo.existingImportKeys(ctx.db, p.id, lines.map((l) => l.importKey));
    const rows = lines.map((l) => ({ line: l.line, date: l.date, description: l.description, amountCents: l.amountCents, currency: l.currency, category: l.category, duplicate: existing.has(l.importKey) }));
    let added = 0;
    if (!input.preview) {
      const now = ctx.clock().toISOString();
      for (const l of lines) {
        if (existing.has(l.importKey)) continue;
        const fx = rateInto(p, l.currency, input.fxRate);
        const ok = repo.insertLedgerEntry(ctx.db, { id: ctx.newId(), projectId: p.id, date: l.date, amountCents: l.amountCents, currency: l.currency, fxRate: fx, projectAmountCents: converted(l.amountCents, fx), category: l.category, source: 'bill', description: l.description, importKey: l.importKey, createdAt: now, updatedAt: now });
        if (ok) added++;
      }
      if (added > 0) changed(ctx, p.id);
    }
    return { preview: input.preview, rows, errors, added, duplicates: rows.filter((r) => r.duplicate).length, skipped };
  }).immediate();
}
