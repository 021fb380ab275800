import type { Command } from './command';
import { projectsCommand } from './projects.command';
import { serveCommand } from './serve.command';
import { startCommand } from './start.command';
import { estimateCommand } from './estimate.command';
import { catalogCommand } from './catalog.command';
import { checkCommand } from './check.command';
import { evalCommand } from './eval.command';
import { monitorCommand } from './monitor.command';
import { dbCommand } from './db.command';
import { runsCommand } from './runs.command';
import { ledgerCommand } from './ledger.command';
import { budgetCommand } from './budget.command';

/** Every top-level command, in the order `tally --help` lists them. */
export const commands: Command[] = [startCommand, serveCommand, projectsCommand, estimateCommand, catalogCommand, checkCommand, evalCommand, monitorCommand, runsCommand, ledgerCommand, budgetCommand, dbCommand];
