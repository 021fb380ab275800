import { LEDGER_CATEGORIES, type LedgerCategory } from '../../../../shared/contract/ledger';
import { parseFlags, requireFlag, stringFlag } from '../args';
import { call, withBackend } from '../backend-call';
import { json, money, table } from '../format';
import { amountFlag, currencyNamedIn } from '../money-flags';
import { CliError, EXIT, type CliIo } from '../io';
import { safeText } from '../terminal-text';
import type { Command } from './command';
import { projectByName } from './track-lookup';

const USAGE = `tally ledger add --project NAME --amount 120.50 --category CATEGORY --date YYYY-MM-DD [--note TEXT] [--currency EUR] [--fx-rate 1.08] [--json]
       tally ledger list --project NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
  CATEGORY is one of ${LEDGER_CATEGORIES.join(', ')}. A negative amount is a refund or credit.
  An amount in another currency than the project's needs --fx-rate (project currency per 1 unit),
  except USD when the project has a USD rate. (all take --data-dir DIR)`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  project: { type: 'string' },
  amount: { type: 'string' },
  category: { type: 'string' },
  date: { type: 'string' },
  note: { type: 'string' },
  currency: { type: 'string' },
  'fx-rate': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const sub = p.positionals[0];
  return withBackend(io, stringFlag(p, 'data-dir'), async (backend) => {
    switch (sub) {
      case 'add': {
        const project = await projectByName(backend, requireFlag(p, 'project', USAGE));
        const rawAmount = requireFlag(p, 'amount', USAGE);
        // The entry's currency: --currency, else the one the amount names ("-€20"), else the project's.
        const currency = stringFlag(p, 'currency')?.toUpperCase() ?? currencyNamedIn(rawAmount) ?? undefined;
        const amountCents = amountFlag('amount', rawAmount, currency ?? project.currency, { allowNegative: true }) as number;
        const category = requireFlag(p, 'category', USAGE).toLowerCase();
        if (!(LEDGER_CATEGORIES as readonly string[]).includes(category)) throw new CliError(`--category must be one of ${LEDGER_CATEGORIES.join(', ')} (got "${safeText(category)}")`);
        const fx = stringFlag(p, 'fx-rate');
        const fxRate = fx === undefined ? undefined : Number(fx);
        if (fxRate !== undefined && !(Number.isFinite(fxRate) && fxRate > 0)) throw new CliError(`--fx-rate must be a number greater than 0 (got "${safeText(fx!)}")`);
        const entry = await call(backend, 'ledger.add', {
          projectId: project.id,
          date: requireFlag(p, 'date', USAGE),
          amountCents,
          category: category as LedgerCategory,
          description: stringFlag(p, 'note') ?? '',
          ...(currency ? { currency } : {}),
          ...(fxRate !== undefined ? { fxRate } : {}),
        });
        io.out(asJson ? json(entry) : `Added ${money(entry.amountCents, entry.currency)} (${entry.category}) to "${safeText(project.name)}" on ${entry.date}.`);
        return EXIT.ok;
      }
      case 'list': {
        const project = await projectByName(backend, requireFlag(p, 'project', USAGE));
        const from = stringFlag(p, 'from');
        const to = stringFlag(p, 'to');
        const l = await call(backend, 'ledger.list', { projectId: project.id, ...(from ? { from } : {}), ...(to ? { to } : {}) });
        if (asJson) io.out(json(l));
        else {
          const rows = [
            ...l.entries.map((e) => [e.date, e.source, e.category, money(e.projectAmountCents, l.currency), safeText(e.description)]),
            ...l.runs.map((r) => [r.date ?? '-', r.running ? 'run (running)' : 'run', r.category, r.costCents == null ? 'unknown' : money(r.costCents, l.currency), safeText(r.runName)]),
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[4]).localeCompare(String(b[4])));
          io.out(rows.length ? table(['DATE', 'SOURCE', 'CATEGORY', 'AMOUNT', 'DESCRIPTION'], rows) : `Nothing spent in "${safeText(project.name)}" yet.`);
        }
        return EXIT.ok;
      }
      default:
        throw new CliError(`unknown ledger command "${sub ?? ''}"\nusage: ${USAGE}`);
    }
  });
}

export const ledgerCommand: Command = { name: 'ledger', summary: 'Add and list money spent outside tracked runs', usage: USAGE, run };
