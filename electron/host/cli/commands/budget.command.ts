import type { BudgetReport } from '../../../../shared/contract/budget';
import { parseFlags, stringFlag } from '../args';
import { call, withBackend } from '../backend-call';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';
import { budgetJson, budgetText } from './budget-format';
import { projectByName } from './track-lookup';

const USAGE = `tally budget status [--project NAME] [--today YYYY-MM-DD] [--json] [--data-dir DIR]
  Budget, spent, committed, remaining, burn rate, run-out forecast with its range and alerts, in the
  project's currency. Without --project: every project that is not archived. --today judges another
  day (default: today, UTC). Exit code 1 when a total budget or a monthly cap is used up, else 0.`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  project: { type: 'string' },
  today: { type: 'string' },
} as const;

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const sub = p.positionals[0];
  if (sub !== 'status') throw new CliError(`unknown budget command "${sub ?? ''}"\nusage: ${USAGE}`);
  const today = stringFlag(p, 'today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new CliError(`--today must be a day like 2026-12-01 (got "${today}")`);
  return withBackend(io, stringFlag(p, 'data-dir'), async (backend) => {
    const name = stringFlag(p, 'project');
    const projects = name !== undefined ? [await projectByName(backend, name)] : await call(backend, 'projects.list', {});
    const reports: BudgetReport[] = [];
    for (const proj of projects) reports.push(await call(backend, 'budget.status', { projectId: proj.id, ...(today !== undefined ? { today } : {}) }));
    const exceeded = reports.some((r) => r.capExceeded);
    if (p.values.json === true) {
      io.out(json({ today: reports[0]?.today ?? today ?? new Date().toISOString().slice(0, 10), capExceeded: exceeded, projects: reports.map(budgetJson) }));
    } else if (reports.length === 0) {
      io.out('No projects yet. Create one with tally projects create --name NAME --budget 5000');
    } else {
      io.out(reports.map(budgetText).join('\n\n'));
    }
    return exceeded ? EXIT.failed : EXIT.ok;
  });
}

export const budgetCommand: Command = { name: 'budget', summary: 'Budget against actual spend, forecast and alerts (exit 1 when a cap is exceeded)', usage: USAGE, run };
