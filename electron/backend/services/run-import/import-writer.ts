import type { RunStatus } from '../../../../shared/contract/runs';
import { AppError } from '../../../../shared/domain/errors';
import { keyProblem, paramValueProblem, tagValueProblem } from '../../../../shared/track/mlflow-limits';
import type { BackendContext } from '../../context';
import { insertParams, paramsOf } from '../../db/repositories/run-data.repository';
import * as repo from '../../db/repositories/runs.repository';
import { MetricLineError } from '../import-mlruns/metric-lines';
import { appendPoints, type Points } from '../metric-store';
import { MLFLOW_RUN_NAME } from '../run-compute-tags';
import { recomputeRunCosts } from '../run-costs';
import { applyTags } from '../run-tags';
import { groupWrite } from '../write-queue';
import type { ImportReport, Origin } from './import-report';

/**
 * Writes one imported run, whatever file it came from, inside the caller's transaction (the
 * importers give each run its own, so a crash leaves whole runs only). A run Tally already has
 * (same id, same experiment) is merged: its status, times and name follow the file, tags are
 * overwritten, params it lacks are added (a param with another value is kept as Tally has it and
 * reported: params never change, as in MLflow), and points it already holds are not stored again.
 *
 * A metric is all or nothing: each source is written in its own savepoint, so a file with a bad
 * line mid-way leaves none of its points and is reported with that line, while the run and its
 * other metrics are imported.
 */
export interface KeyValueIn {
  key: string;
  value: string;
  origin: Origin;
}

export interface MetricSource {
  key: string;
  origin: Origin;
  /** Hands the points over in chunks; throws MetricLineError (or an I/O error) when it cannot. */
  read(sink: (p: Points) => void): void;
}

export interface RunToImport {
  id: string;
  experimentId: number;
  origin: Origin;
  name: string | null;
  status: RunStatus;
  startTime: number | null;
  endTime: number | null;
  userId: string;
  artifactUri: string;
  lifecycleStage: 'active' | 'deleted';
  deletedTime: number | null;
  params: KeyValueIn[];
  tags: KeyValueIn[];
  metrics: MetricSource[];
  /** Compute and cost fields a Tally export carries (hardware and devices come as tally.* tags). */
  fields?: repo.RunFields;
}

/** A metric a source decides not to write (e.g. a CSV value beside a history Tally has), with why. */
export class MetricSkip extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MetricSkip';
  }
}

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `cannot be read (${code})` : e instanceof Error ? e.message : String(e);
}

function goodTags(run: RunToImport, report: ImportReport): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  for (const t of run.tags) {
    const p = keyProblem('tag', t.key) ?? tagValueProblem(t.key, t.value);
    if (p) report.skip('tag', t.origin, p);
    else out.push({ key: t.key, value: t.value });
  }
  return out;
}

function writeParams(ctx: BackendContext, run: RunToImport, report: ImportReport): void {
  const fine = new Map<string, KeyValueIn>();
  for (const p of run.params) {
    const problem = keyProblem('param', p.key) ?? paramValueProblem(p.key, p.value);
    if (problem) report.skip('param', p.origin, problem);
    else fine.set(p.key, p);
  }
  const stored = paramsOf(ctx.db, run.id, [...fine.keys()]);
  const fresh: KeyValueIn[] = [];
  for (const p of fine.values()) {
    const old = stored.get(p.key);
    if (old === undefined) fresh.push(p);
    else if (old !== p.value) report.skip('param', p.origin, `param "${p.key}" is already "${old.slice(0, 80)}" in Tally and params never change; the file's "${p.value.slice(0, 80)}" was not imported`);
  }
  insertParams(ctx.db, run.id, fresh);
  report.params += fresh.length;
}

function writeMetrics(ctx: BackendContext, run: RunToImport, report: ImportReport): void {
  for (const m of run.metrics) {
    const problem = keyProblem('metric', m.key);
    if (problem) {
      report.skip('metric', m.origin, problem);
      continue;
    }
    let stored = 0;
    let duplicates = 0;
    try {
      ctx.db.transaction(() => {
        m.read((p) => {
          const r = appendPoints(ctx.db, run.id, m.key, p);
          stored += r.stored;
          duplicates += r.duplicates;
        });
      })();
    } catch (e) {
      if (e instanceof MetricSkip) {
        report.skip('metric', m.origin, e.reason);
      } else if (e instanceof MetricLineError) {
        report.skip('metric', { ...m.origin, line: e.line }, `"${e.text}": ${e.reason}; none of this metric's points were imported`);
      } else if (e instanceof AppError || (e as NodeJS.ErrnoException).code) {
        report.skip('metric', m.origin, `${ioReason(e)}; none of this metric's points were imported`);
      } else throw e;
      continue;
    }
    report.metricPoints += stored;
    report.duplicatePoints += duplicates;
  }
}

/** Writes the run (see above); returns false when it was skipped. Runs inside a transaction. */
export function writeImportedRun(ctx: BackendContext, run: RunToImport, report: ImportReport): boolean {
  const existing = repo.getRun(ctx.db, run.id);
  if (existing && existing.experimentId !== run.experimentId) {
    report.skip('run', run.origin, `a run with id ${run.id} is already in experiment "${existing.experimentName}"; it was left as it is`);
    return false;
  }
  const tags = goodTags(run, report);
  const tagName = tags.filter((t) => t.key === MLFLOW_RUN_NAME).at(-1)?.value;
  const name = (run.name?.trim() || tagName?.trim() || existing?.name || `run-${run.id.slice(0, 8)}`).slice(0, 500);
  if (!existing) {
    repo.insertRun(ctx.db, { id: run.id, experimentId: run.experimentId, name, status: run.status, startTime: run.startTime, userId: run.userId, artifactUri: run.artifactUri });
    if (run.lifecycleStage === 'deleted') repo.updateRunFields(ctx.db, run.id, { lifecycleStage: 'deleted', deletedTime: run.deletedTime ?? run.endTime ?? run.startTime ?? ctx.clock().getTime() });
  }
  repo.updateRunFields(ctx.db, run.id, { status: run.status, startTime: run.startTime, endTime: run.endTime, ...(run.fields ?? {}) });
  const record = repo.getRun(ctx.db, run.id)!;
  applyTags(ctx, record, [...tags.filter((t) => t.key !== MLFLOW_RUN_NAME), { key: MLFLOW_RUN_NAME, value: name }]);
  report.tags += tags.length;
  writeParams(ctx, run, report);
  writeMetrics(ctx, run, report);
  recomputeRunCosts(ctx, [run.id]);
  if (existing) report.runsUpdated += 1;
  else report.runsCreated += 1;
  report.ranInto(String(run.experimentId));
  return true;
}

/** One run in one group write; a run the store refuses is reported, and the import goes on. */
export async function writeRun(ctx: BackendContext, where: Origin, report: ImportReport, write: () => unknown): Promise<void> {
  try {
    await groupWrite(ctx, write);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    report.skip('run', { ...where, field: e.location?.field ?? where.field }, `${e.message}; the run was not imported`);
  }
}
