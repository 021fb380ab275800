import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RunId } from '../../../../shared/contract/runs';
import { AppError } from '../../../../shared/domain/errors';
import type { BackendContext } from '../../context';
import type { ImportReport, Origin } from '../run-import/import-report';
import { resolveExperiment, type ProjectChoice } from '../run-import/import-experiments';
import { writeImportedRun, writeRun, type KeyValueIn, type MetricSource } from '../run-import/import-writer';
import { groupWrite } from '../write-queue';
import { MetricLineParser } from './metric-lines';
import { parseExperimentMeta, parseRunMeta, type MetaProblem } from './mlruns-meta';
import { experimentFolders, keyFiles, META, readValue, runFolders, streamText, type ExperimentFolder } from './mlruns-tree';

/**
 * Imports an MLflow file store (`mlruns/`): every experiment, active or in .trash, and every run
 * in it with its params, tags and metric histories. Each run is one write (group commit: its own
 * savepoint, committed before the next run starts), so the UI keeps answering between runs and a
 * crash leaves whole runs only. Metric files are streamed into the store in typed-array chunks.
 */
export type Progress = (done: number, total: number | null, message: string) => void;

const origin = (path: string, field: string | null = null, line: number | null = null): Origin => ({ path, line, field });

function problemText(p: MetaProblem): string {
  return p.field ? `${p.field}: ${p.reason}` : p.reason;
}

function readMetaFile(path: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

function keyValues(dir: string, kind: 'param' | 'tag', report: ImportReport): KeyValueIn[] {
  const out: KeyValueIn[] = [];
  for (const f of keyFiles(dir)) {
    try {
      out.push({ key: f.key, value: readValue(f.path), origin: origin(f.path, f.key) });
    } catch (e) {
      report.skip(kind, origin(f.path, f.key), `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return out;
}

function metricSources(dir: string): MetricSource[] {
  return keyFiles(dir).map((f) => ({
    key: f.key,
    origin: origin(f.path, f.key),
    read(sink) {
      const parser = new MetricLineParser(sink);
      streamText(f.path, (text) => parser.push(text));
      parser.end();
    },
  }));
}

/** Checks the folder can be imported at all; throws the error the caller shows (exit 2 in the CLI). */
export function mlrunsFolders(root: string): ExperimentFolder[] {
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new AppError('FILE_NOT_FOUND', `There is no folder ${root}.`, { location: { file: root, field: 'path' } });
  }
  if (!isDir) throw new AppError('INVALID_INPUT', `${root} is a file; give the mlruns folder (the one holding 0/, 1/, ... and .trash/).`, { location: { file: root, field: 'path' } });
  const folders = experimentFolders(root);
  if (!folders.some((f) => existsSync(join(f.path, META)))) {
    throw new AppError('INVALID_INPUT', `${root} is not an MLflow mlruns folder: none of its folders holds an experiment's meta.yaml.`, { location: { file: root, field: 'path' } });
  }
  return folders;
}

async function importRun(ctx: BackendContext, runDir: string, exp: { folder: ExperimentFolder; id: number }, report: ImportReport): Promise<void> {
  const metaPath = join(runDir, META);
  if (!existsSync(metaPath)) {
    report.skip('run', origin(runDir), 'no meta.yaml in this run folder; MLflow cannot read it either');
    return;
  }
  const read = readMetaFile(metaPath);
  const parsed = 'error' in read ? { ok: false as const, problem: { line: null, field: null, reason: read.error } } : parseRunMeta(read.text);
  if (!parsed.ok) {
    report.skip('run', origin(metaPath, parsed.problem.field, parsed.problem.line), `${problemText(parsed.problem)}; the run was not imported`);
    return;
  }
  const meta = parsed.value;
  if (meta.experimentId !== exp.folder.folderId) {
    report.skip('run', origin(metaPath, 'experiment_id'), `the run says it belongs to experiment ${meta.experimentId} but sits in folder ${exp.folder.folderId}; MLflow ignores such a run`);
    return;
  }
  if (!RunId.safeParse(meta.runId).success || basename(runDir) !== meta.runId) {
    report.skip('run', origin(metaPath, 'run_id'), `run_id "${meta.runId.slice(0, 60)}" is not the 32-hex id of its folder ${basename(runDir)}`);
    return;
  }
  const params = keyValues(join(runDir, 'params'), 'param', report);
  const tags = keyValues(join(runDir, 'tags'), 'tag', report);
  const metrics = metricSources(join(runDir, 'metrics'));
  await writeRun(ctx, origin(metaPath), report, () =>
    writeImportedRun(
      ctx,
      {
        id: meta.runId,
        experimentId: exp.id,
        origin: origin(metaPath),
        name: meta.runName,
        status: meta.status,
        startTime: meta.startTime,
        endTime: meta.endTime,
        userId: meta.userId,
        artifactUri: meta.artifactUri,
        lifecycleStage: exp.folder.trashed ? 'deleted' : meta.lifecycleStage,
        deletedTime: meta.deletedTime,
        params,
        tags,
        metrics,
      },
      report,
    ),
  );
}

export async function importMlruns(ctx: BackendContext, root: string, choice: ProjectChoice, report: ImportReport, progress: Progress): Promise<void> {
  const folders = mlrunsFolders(root);
  const plan = folders.map((folder) => ({ folder, runs: existsSync(join(folder.path, META)) ? runFolders(folder.path) : [] }));
  const total = plan.reduce((n, p) => n + p.runs.length, 0);
  let done = 0;
  for (const { folder, runs } of plan) {
    const metaPath = join(folder.path, META);
    if (!existsSync(metaPath)) {
      report.skip('experiment', origin(folder.path), 'no meta.yaml: not an MLflow experiment folder');
      continue;
    }
    const read = readMetaFile(metaPath);
    const parsed = 'error' in read ? { ok: false as const, problem: { line: null, field: null, reason: read.error } } : parseExperimentMeta(read.text);
    if (!parsed.ok || parsed.value.experimentId !== folder.folderId) {
      const why = parsed.ok ? `experiment_id ${parsed.value.experimentId} does not match its folder ${folder.folderId}` : problemText(parsed.problem);
      const where = parsed.ok ? origin(metaPath, 'experiment_id') : origin(metaPath, parsed.problem.field, parsed.problem.line);
      report.skip('experiment', where, `${why}; the experiment and its ${runs.length} run folder${runs.length === 1 ? '' : 's'} were not imported`);
      done += runs.length;
      progress(done, total, `skipped ${folder.path}`);
      continue;
    }
    // An experiment without runs (MLflow's ever-present Default, usually) is not worth a project.
    if (runs.length === 0) continue;
    const meta = parsed.value;
    const tags = Object.fromEntries(keyValues(join(folder.path, 'tags'), 'tag', report).map((t) => [t.key, t.value]));
    const exp = await groupWrite(ctx, () =>
      resolveExperiment(
        ctx,
        { name: meta.name, artifactLocation: meta.artifactLocation, tags, lifecycleStage: folder.trashed ? 'deleted' : meta.lifecycleStage, creationTime: meta.creationTime, fileProject: null, origin: origin(metaPath) },
        choice,
        report,
      ),
    );
    for (const runDir of runs) {
      await importRun(ctx, runDir, { folder, id: exp.id }, report);
      done += 1;
      progress(done, total, `${done} of ${total} runs read`);
    }
  }
}
