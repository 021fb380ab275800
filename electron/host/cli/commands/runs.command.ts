import type { RunRow } from '../../../../shared/contract/runs';
import { parseFlags, stringFlag } from '../args';
import { call, withBackend } from '../backend-call';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';
import { runJson, runsTable, runText } from './runs-format';
import { runsExport, runsImport } from './runs-transfer';
import { allRuns, experimentByName, projectByName } from './track-lookup';

const USAGE = `tally runs list [--project NAME] [--experiment NAME] [--json]
       tally runs show ID [--json]
       tally runs import mlruns DIR | csv FILE | json FILE [--project NAME] [--json]
       tally runs export FILE [--format csv|json] [--project NAME] [--experiment NAME] [--with-history] [--json]
  (all take --data-dir DIR)`;

const FLAGS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  project: { type: 'string' },
  experiment: { type: 'string' },
  format: { type: 'string' },
  'with-history': { type: 'boolean' },
} as const;

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const sub = p.positionals[0];
  return withBackend(io, stringFlag(p, 'data-dir'), async (backend) => {
    switch (sub) {
      case 'list': {
        const projectName = stringFlag(p, 'project');
        const experimentName = stringFlag(p, 'experiment');
        const projects = projectName ? [await projectByName(backend, projectName)] : await call(backend, 'projects.list', { includeArchived: true });
        const names = new Map(projects.map((x) => [x.id, x.name]));
        let runs: RunRow[] = [];
        if (experimentName) {
          const e = await experimentByName(backend, experimentName);
          if (projectName && e.projectId !== projects[0]!.id) throw new CliError(`experiment "${e.name}" is not in project "${projects[0]!.name}"`);
          names.set(e.projectId, e.projectName);
          runs = await allRuns(backend, { experimentIds: [e.id] });
        } else {
          for (const proj of projects) runs.push(...(await allRuns(backend, { projectId: proj.id })));
        }
        const rows = runs.map((r) => ({ run: r, project: names.get(r.projectId) ?? r.projectId }));
        if (asJson) io.out(json({ runs: rows.map((x) => runJson(x.run, x.project)) }));
        else io.out(rows.length ? runsTable(rows) : 'No runs yet. Log runs with an MLflow client (tally serve --tracking-port N) or import them.');
        return EXIT.ok;
      }
      case 'show': {
        const id = p.positionals[1];
        if (!id) throw new CliError(`missing run ID\nusage: ${USAGE}`);
        const d = await call(backend, 'runs.get', { id });
        const project = await call(backend, 'projects.get', { id: d.projectId });
        io.out(asJson ? json({ ...d, projectName: project.name }) : runText(d, project.name));
        return EXIT.ok;
      }
      case 'import':
        return runsImport(backend, p, io, USAGE);
      case 'export':
        return runsExport(backend, p, io, USAGE);
      default:
        throw new CliError(`unknown runs command "${sub ?? ''}"\nusage: ${USAGE}`);
    }
  });
}

export const runsCommand: Command = { name: 'runs', summary: 'List, show, import and export tracked runs with what each cost', usage: USAGE, run };
