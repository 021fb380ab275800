import type { Project } from '../../../../shared/contract/projects';
import { moneyOf, rateWords } from '../../../../shared/domain/currency';
import { parseFlags, requireFlag, stringFlag, type Parsed } from '../args';
import { call, withBackend } from '../backend-call';
import { json, money, table } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import { amountFlag, currencyNamedIn, rateFlag } from '../money-flags';
import { safeText } from '../terminal-text';
import type { Command } from './command';
import { projectByName } from './track-lookup';

const USAGE = `tally projects list [--search TEXT] [--all] [--json]
       tally projects create --name NAME [--budget AMOUNT] [--monthly-cap AMOUNT] [--currency EUR] [--usd-rate RATE] [--rate-date YYYY-MM-DD] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--notes TEXT] [--json]
       tally projects update PROJECT [--name NAME] [--budget AMOUNT|none] [--monthly-cap AMOUNT|none] [--currency EUR] [--usd-rate RATE|none] [--rate-date YYYY-MM-DD] [--json]
       tally projects show ID [--json]
       tally projects delete ID --yes [--json]
  AMOUNT is in the project's currency: 5000, 1,200.50, €5,000 or "5000 EUR" (a sign or code must
  be the project's). RATE is how many units of the project's currency one US dollar buys
  (catalog prices and plans are in US dollars); it is dated --rate-date, default today.
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
  'usd-rate': { type: 'string' },
  'rate-date': { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  notes: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

/** A new project's currency: --currency, or the one its budget or cap names ("€5,000"), else undefined. */
function currencyOf(p: Parsed): string | undefined {
  const given = stringFlag(p, 'currency');
  if (given !== undefined) return given.toUpperCase();
  return currencyNamedIn(stringFlag(p, 'budget')) ?? currencyNamedIn(stringFlag(p, 'monthly-cap')) ?? undefined;
}

/** --budget AMOUNT, or "none" to clear it (update only). */
function clearable(p: Parsed, flag: string, currency: string): { value: number | null } | undefined {
  const raw = stringFlag(p, flag);
  if (raw === undefined) return undefined;
  if (raw.trim().toLowerCase() === 'none') return { value: null };
  return { value: amountFlag(flag, raw, currency) };
}

/** "0.92 EUR per US dollar, as of 2026-11-30 (set by alice (command line) on 2026-11-30)". */
export function rateLine(p: Project): string {
  if (p.currency === 'USD') return '1 (the project counts in US dollars)';
  const words = rateWords(moneyOf(p));
  if (words === null) return `not set: run costs and plans priced in US dollars are not counted; set it with tally projects update ${p.id} --usd-rate RATE`;
  const by = p.usdRateSetBy ? ` (set by ${safeText(p.usdRateSetBy)}${p.usdRateSetAt ? ` on ${p.usdRateSetAt.slice(0, 10)}` : ''})` : '';
  return `${words}${p.usdRateAsOf ? `, as of ${p.usdRateAsOf}` : ''}${by}`;
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
        const currency = currencyOf(p) ?? 'USD';
        const usdRate = rateFlag('usd-rate', stringFlag(p, 'usd-rate'));
        const rateDate = stringFlag(p, 'rate-date');
        const created = await call(backend, 'projects.create', {
          name: requireFlag(p, 'name', USAGE),
          budgetCents: amountFlag('budget', stringFlag(p, 'budget'), currency),
          monthlyCapCents: amountFlag('monthly-cap', stringFlag(p, 'monthly-cap'), currency),
          currency,
          startDate: stringFlag(p, 'start') ?? null,
          endDate: stringFlag(p, 'end') ?? null,
          notes: stringFlag(p, 'notes') ?? '',
          ...(usdRate !== undefined ? { usdRate } : {}),
          ...(rateDate !== undefined ? { usdRateAsOf: rateDate } : {}),
        });
        io.out(asJson ? json(created) : `Created project "${created.name}" (${created.id}) in ${created.currency}.`);
        return EXIT.ok;
      }
      case 'update': {
        const target = p.positionals[1];
        if (!target) throw new CliError(`missing project\nusage: ${USAGE}`);
        const current = await projectByName(backend, target);
        // Only --currency changes the project's currency; an amount naming another is refused.
        const currency = stringFlag(p, 'currency')?.toUpperCase() ?? current.currency;
        const budget = clearable(p, 'budget', currency);
        const cap = clearable(p, 'monthly-cap', currency);
        const rawRate = stringFlag(p, 'usd-rate');
        const usdRate = rawRate?.trim().toLowerCase() === 'none' ? null : rateFlag('usd-rate', rawRate);
        const rateDate = stringFlag(p, 'rate-date');
        const name = stringFlag(p, 'name');
        const patch = {
          ...(name !== undefined ? { name } : {}),
          ...(currency !== current.currency ? { currency } : {}),
          ...(budget ? { budgetCents: budget.value } : {}),
          ...(cap ? { monthlyCapCents: cap.value } : {}),
          ...(usdRate !== undefined ? { usdRate } : {}),
          ...(rateDate !== undefined ? { usdRateAsOf: rateDate } : {}),
        };
        if (Object.keys(patch).length === 0) throw new CliError(`nothing to change: give --name, --budget, --monthly-cap, --currency, --usd-rate or --rate-date\nusage: ${USAGE}`);
        const updated = await call(backend, 'projects.update', { id: current.id, patch });
        io.out(asJson ? json(updated) : [`Updated project "${safeText(updated.name)}" (${updated.id}).`, `  budget       ${money(updated.budgetCents, updated.currency)}`, `  monthly cap  ${money(updated.monthlyCapCents, updated.currency)}`, `  USD rate     ${rateLine(updated)}`].join('\n'));
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
              `  currency     ${d.currency}`,
              `  USD rate     ${rateLine(d)}`,
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

export const projectsCommand: Command = { name: 'projects', summary: 'List, create, update, show and delete projects', usage: USAGE, run };
