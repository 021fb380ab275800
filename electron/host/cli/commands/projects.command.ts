import type { Project } from '../../../../shared/contract/projects';
import { parseFlags, requireFlag, stringFlag, type Parsed } from '../args';
import { call, withBackend } from '../backend-call';
import { json, money, table } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';

const USAGE = `tally projects list [--search TEXT] [--all] [--json]
       tally projects create --name NAME [--budget AMOUNT] [--monthly-cap AMOUNT] [--currency USD] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--notes TEXT] [--json]
       tally projects show ID [--json]
       tally projects delete ID --yes [--json]
  (all take --data-dir DIR)`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  search: { type: 'string' },
  all: { type: 'boolean' },
  name: { type: 'string' },
  budget: { type: 'string' },
  'monthly-cap': { type: 'string' },
  currency: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  notes: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

/** "1200", "1200.5" or "1,200.50" -> integer cents; anything else names the flag. */
export function parseAmount(flag: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.replace(/,/g, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(s)) {
    throw new CliError(`--${flag} must be an amount like 1200 or 1200.50 (got "${raw}")`);
  }
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function projectRows(list: Project[]) {
  return table(
    ['ID', 'NAME', 'BUDGET', 'MONTHLY CAP', 'STATUS'],
    list.map((p) => [p.id, p.name, money(p.budgetCents, p.currency), money(p.monthlyCapCents, p.currency), p.archivedAt ? 'archived' : 'active']),
  );
}

function idArg(p: Parsed): string {
  const id = p.positionals[1];
  if (!id) throw new CliError(`missing project ID\nusage: ${USAGE}`);
  return id;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const dataDir = stringFlag(p, 'data-dir');
  const sub = p.positionals[0];
  return withBackend(io, dataDir, async (backend) => {
    switch (sub) {
      case 'list': {
        const search = stringFlag(p, 'search');
        const list = await call(backend, 'projects.list', { ...(search ? { search } : {}), includeArchived: p.values.all === true });
        io.out(asJson ? json(list) : list.length ? projectRows(list) : 'No projects yet. Create one with: tally projects create --name NAME');
        return EXIT.ok;
      }
      case 'create': {
        const created = await call(backend, 'projects.create', {
          name: requireFlag(p, 'name', USAGE),
          budgetCents: parseAmount('budget', stringFlag(p, 'budget')),
          monthlyCapCents: parseAmount('monthly-cap', stringFlag(p, 'monthly-cap')),
          currency: (stringFlag(p, 'currency') ?? 'USD').toUpperCase(),
          startDate: stringFlag(p, 'start') ?? null,
          endDate: stringFlag(p, 'end') ?? null,
          notes: stringFlag(p, 'notes') ?? '',
        });
        io.out(asJson ? json(created) : `Created project "${created.name}" (${created.id}).`);
        return EXIT.ok;
      }
      case 'show': {
        const d = await call(backend, 'projects.get', { id: idArg(p) });
        if (asJson) io.out(json(d));
        else
          io.out(
            [
              `${d.name}${d.archivedAt ? ' (archived)' : ''}`,
              `  id           ${d.id}`,
              `  budget       ${money(d.budgetCents, d.currency)}`,
              `  monthly cap  ${money(d.monthlyCapCents, d.currency)}`,
              `  dates        ${d.startDate ?? '-'} to ${d.endDate ?? '-'}`,
              `  created      ${d.createdAt}`,
              ...(d.notes ? [`  notes        ${d.notes}`] : []),
              ...d.contents.map((c) => `  ${c.label.padEnd(12)} ${c.count}`),
            ].join('\n'),
          );
        return EXIT.ok;
      }
      case 'delete': {
        const id = idArg(p);
        if (p.values.yes !== true) {
          const d = await call(backend, 'projects.get', { id });
          const lost = d.contents.filter((c) => c.count > 0).map((c) => `${c.count} ${c.label}`);
          throw new CliError(
            `Deleting "${d.name}" removes the project, its budget${lost.length ? `, ${lost.join(', ')}` : ''}. Add --yes to confirm.`,
          );
        }
        const r = await call(backend, 'projects.delete', { id });
        io.out(asJson ? json(r) : `Deleted project ${r.id}.`);
        return EXIT.ok;
      }
      default:
        throw new CliError(`unknown projects command "${sub ?? ''}"\nusage: ${USAGE}`);
    }
  });
}

export const projectsCommand: Command = { name: 'projects', summary: 'List, create, show and delete projects', usage: USAGE, run };
