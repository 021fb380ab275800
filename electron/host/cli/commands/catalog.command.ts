import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { CATALOG_KINDS } from '../../../../shared/catalog/catalog-types';
import type { CatalogEntry } from '../../../../shared/contract/catalog';
import { parseFlags, stringFlag, type Parsed } from '../args';
import { call, withBackend } from '../backend-call';
import { json, table } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import { refuseOutputsOverInputs, writeFileAtomic } from '../output-file';
import type { Command } from './command';
import { choice } from './estimate-flags';

const USAGE = `tally catalog list [--kind KIND] [--search TEXT] [--origin default|edited|added] [--json]
       tally catalog show ID [--kind KIND] [--json]
       tally catalog import FILE [--kind KIND] [--format csv|json] [--json]
       tally catalog export FILE [--kind KIND] [--format csv|json] [--only all|user] [--json]
  KIND is one of ${CATALOG_KINDS.join(', ')}. The format follows the file extension unless given.
  An import is all or nothing: one bad row (named by line and field) rejects the file.`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  kind: { type: 'string' },
  search: { type: 'string' },
  origin: { type: 'string' },
  format: { type: 'string' },
  only: { type: 'string' },
} as const;

/** The figure a row is about, in one cell, so the list reads at a glance. */
function headline(e: CatalogEntry): string {
  switch (e.kind) {
    case 'hardware':
      return `${e.row.name}: ${e.row.memoryGb} GB, ${e.row.bandwidthGbs} GB/s, ${e.row.bf16Tflops ?? '-'} TFLOPS bf16, ${e.row.tdpW ?? '-'} W`;
    case 'cloud-gpu-price':
      return `${e.row.hardwareId} at ${e.row.provider} ${e.row.region} (${e.row.pricingModel}): $${e.row.usdPerGpuHour}/GPU-h`;
    case 'llm-api-price':
      return `${e.row.provider} ${e.row.model}: $${e.row.inputUsdPerMTok} in / $${e.row.outputUsdPerMTok} out per 1M tokens`;
    case 'grid-intensity':
      return `${e.row.region}: ${e.row.kgCo2PerKwh} kg CO2e/kWh`;
  }
}

const age = (days: number | null) => (days === null ? '-' : days < 60 ? `${days} days` : `${(days / 365).toFixed(1)} years`);

function formatOf(p: Parsed, file: string): 'csv' | 'json' {
  const given = choice(p, 'format', ['csv', 'json'] as const);
  if (given) return given;
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new CliError(`cannot tell the format of ${file} from its extension: add --format csv or --format json`);
}

function fileArg(p: Parsed, what: string): string {
  const f = p.positionals[1];
  if (!f) throw new CliError(`missing ${what}\nusage: ${USAGE}`);
  return f;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const sub = p.positionals[0];
  const kind = choice(p, 'kind', CATALOG_KINDS);
  const dataDir = stringFlag(p, 'data-dir');
  switch (sub) {
    case 'list': {
      const origin = choice(p, 'origin', ['default', 'edited', 'added'] as const);
      const search = stringFlag(p, 'search');
      return withBackend(io, dataDir, async (b) => {
        const rows = await call(b, 'catalog.list', { ...(kind ? { kind } : {}), ...(search ? { search } : {}), ...(origin ? { origin } : {}) });
        if (asJson) io.out(json({ rows }));
        else if (rows.length === 0) io.out('No catalog rows match.');
        else io.out(table(['KIND', 'ID', 'WHAT', 'AS OF', 'AGE', 'ORIGIN'], rows.map((e) => [e.kind, e.row.id, headline(e), e.row.asOf, age(e.ageInDays), e.origin])));
        return EXIT.ok;
      });
    }
    case 'show': {
      const id = fileArg(p, 'ID');
      return withBackend(io, dataDir, async (b) => {
        const matches = (await call(b, 'catalog.list', { ...(kind ? { kind } : {}), search: id })).filter((e) => e.row.id === id);
        if (matches.length === 0) throw new CliError(`no catalog row with id "${id}"${kind ? ` of kind ${kind}` : ''}; see tally catalog list`, EXIT.failed);
        if (matches.length > 1) throw new CliError(`"${id}" is an id in several kinds (${matches.map((m) => m.kind).join(', ')}); add --kind`);
        const m = matches[0] as CatalogEntry;
        const d = await call(b, 'catalog.get', { kind: m.kind, id });
        if (asJson) {
          io.out(json(d));
          return EXIT.ok;
        }
        const fields = Object.entries(d.entry.row).map(([k, v]) => `  ${k.padEnd(22)} ${v === null ? '-' : String(v)}`);
        io.out([`${headline(d.entry)}`, `  ${'catalog kind'.padEnd(22)} ${d.entry.kind}`, ...fields, `  ${'age'.padEnd(22)} ${age(d.entry.ageInDays)} (how old the figure is)`, `  ${'origin'.padEnd(22)} ${d.entry.origin}${d.entry.origin === 'edited' ? ' (your edit of a built-in row)' : ''}`].join('\n'));
        return EXIT.ok;
      });
    }
    case 'import': {
      const file = fileArg(p, 'FILE to import');
      const format = formatOf(p, file);
      let content: string;
      try {
        content = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
      return withBackend(io, dataDir, async (b) => {
        const r = await b.dispatch('catalog.import', { format, content, ...(kind ? { kind } : {}) });
        if (!r.ok) throw new CliError(`${file}: ${r.error.message}`, r.error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.failed);
        const v = r.value as { added: number; updated: number; unchanged: number; byKind: Record<string, number> };
        io.out(asJson ? json({ file, ...v }) : `Imported ${file}: ${v.added} added, ${v.updated} updated, ${v.unchanged} unchanged (${Object.entries(v.byKind).map(([k, n]) => `${n} ${k}`).join(', ')}).`);
        return EXIT.ok;
      });
    }
    case 'export': {
      const file = fileArg(p, 'FILE to write');
      const format = formatOf(p, file);
      const only = choice(p, 'only', ['all', 'user'] as const) ?? 'all';
      if (format === 'csv' && !kind) throw new CliError(`a CSV file holds one kind of rows: add --kind (${CATALOG_KINDS.join(', ')}), or export to .json`);
      return withBackend(io, dataDir, async (b) => {
        const r = await call(b, 'catalog.export', { format, only, ...(kind ? { kind } : {}) });
        const target = resolve(io.cwd, file);
        refuseOutputsOverInputs([{ flag: 'the Tally database', path: b.context.dbPath }], [{ flag: 'FILE', path: target }]);
        writeFileAtomic(target, r.content, 'FILE');
        io.out(asJson ? json({ file, format, rows: r.rows }) : `Wrote ${r.rows} rows to ${file} (${format}).`);
        return EXIT.ok;
      });
    }
    default:
      throw new CliError(`unknown catalog command "${sub ?? ''}"\nusage: ${USAGE}`);
  }
}

export const catalogCommand: Command = { name: 'catalog', summary: 'List, show, import and export the hardware, price and grid catalog', usage: USAGE, run };
