import { basename, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import type { ColumnGuesses, Dataset, DatasetDetail, DatasetProfile, DatasetRegisterInput, DatasetStatus } from '../../../shared/contract/datasets';
import { AppError, notFound, invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as runsRepo from '../db/repositories/check-runs.repository';
import * as repo from '../db/repositories/datasets.repository';
import type { DatasetRecord } from '../db/repositories/datasets.repository';
import { guessColumns } from './column-guess';
import { hashFile, requireDataFile, statDataFile } from './dataset-fingerprint';
import { sniffDataset } from './dataset-sniff';
import { mustGetProject } from './project-lookup';

export function mustGetDataset(ctx: BackendContext, id: string, field = 'id'): DatasetRecord {
  const d = repo.getDataset(ctx.db, id);
  if (!d) throw notFound('dataset', id, { field, hint: 'It may have been removed.' });
  return d;
}

function changed(ctx: BackendContext, d: Pick<DatasetRecord, 'id' | 'projectId'>, change: 'registered' | 'updated' | 'relinked' | 'removed'): void {
  ctx.emit({ type: 'datasets.changed', payload: { id: d.id, projectId: d.projectId, change } });
}

function absolutePath(path: string, field: string): string {
  if (!isAbsolute(path)) throw invalidInput(field, `"${path}" is not a full path; choose the file again.`);
  return resolve(path);
}

/**
 * ok / missing / changed against the recorded fingerprint. Size first, then mtime; only a file
 * whose mtime moved is re-hashed, and when its content is unchanged the new mtime is remembered
 * so the next listing is cheap again.
 */
export async function statusOf(ctx: BackendContext, d: DatasetRecord): Promise<DatasetStatus> {
  const st = statDataFile(d.path);
  if (!st) return 'missing';
  if (st.sizeBytes !== d.sizeBytes) return 'changed';
  if (st.mtimeMs === d.mtimeMs) return 'ok';
  let hash: string;
  try {
    hash = await hashFile(d.path);
  } catch {
    return 'missing';
  }
  if (hash !== d.hash) return 'changed';
  repo.updateMtime(ctx.db, d.id, st.mtimeMs);
  return 'ok';
}

async function toDataset(ctx: BackendContext, d: DatasetRecord): Promise<Dataset> {
  const { mtimeMs: _mtime, ...rest } = d;
  return { ...rest, status: await statusOf(ctx, d) };
}

/** The file's profile from its latest run: the run's own profile, or its reference's when it was compared. */
function latestProfile(ctx: BackendContext, d: DatasetRecord): DatasetProfile | null {
  const run = d.latestRunId ? runsRepo.getRun(ctx.db, d.latestRunId) : undefined;
  if (!run) return null;
  return d.latestRunRole === 'compared' ? run.referenceProfile : run.profile;
}

export async function registerDataset(ctx: BackendContext, input: z.output<typeof DatasetRegisterInput>): Promise<Dataset> {
  mustGetProject(ctx, input.projectId);
  const path = absolutePath(input.path, 'path');
  const existing = repo.findByPath(ctx.db, input.projectId, path);
  if (existing) {
    if (input.role && input.role !== existing.role) {
      repo.updateRole(ctx.db, existing.id, input.role);
      changed(ctx, existing, 'updated');
    }
    return toDataset(ctx, mustGetDataset(ctx, existing.id));
  }
  const st = requireDataFile(path);
  const sniffed = await sniffDataset(path);
  const hash = await hashFile(path);
  const record = {
    id: ctx.newId(),
    projectId: input.projectId,
    path,
    name: basename(path),
    role: input.role ?? null,
    format: sniffed.format,
    sizeBytes: st.sizeBytes,
    mtimeMs: st.mtimeMs,
    hash,
    schema: sniffed.schema,
    registeredAt: ctx.clock().toISOString(),
    analysedAt: null,
  };
  // Registering is idempotent by path; a concurrent register of the same path lands on UNIQUE.
  try {
    repo.insertDataset(ctx.db, record);
  } catch (e) {
    const again = repo.findByPath(ctx.db, input.projectId, path);
    if (again) return toDataset(ctx, again);
    throw e;
  }
  changed(ctx, record, 'registered');
  return toDataset(ctx, mustGetDataset(ctx, record.id));
}

export async function listDatasets(ctx: BackendContext, projectId: string): Promise<Dataset[]> {
  mustGetProject(ctx, projectId);
  const out: Dataset[] = [];
  for (const d of repo.listDatasets(ctx.db, projectId)) out.push(await toDataset(ctx, d));
  return out;
}

export async function getDatasetDetail(ctx: BackendContext, id: string): Promise<DatasetDetail> {
  const d = mustGetDataset(ctx, id);
  return { ...(await toDataset(ctx, d)), profile: latestProfile(ctx, d) };
}

/**
 * Points the record at the file's new place. The recorded fingerprint stays the one of the last
 * analysis: when the file at the new path has the same content the dataset is ok again, when it
 * differs it is `changed` until it is analysed again. Never reads more than a hash.
 */
export async function relinkDataset(ctx: BackendContext, id: string, rawPath: string): Promise<Dataset> {
  const d = mustGetDataset(ctx, id);
  const path = absolutePath(rawPath, 'path');
  const other = repo.findByPath(ctx.db, d.projectId, path);
  if (other && other.id !== d.id) {
    throw new AppError('CONFLICT', `${basename(path)} is already linked in this project as another dataset (${other.name}).`, { location: { field: 'path', file: path } });
  }
  const st = requireDataFile(path);
  const hash = await hashFile(path);
  const same = hash === d.hash;
  repo.updateFingerprint(ctx.db, id, {
    path,
    name: basename(path),
    format: d.format,
    sizeBytes: same ? st.sizeBytes : d.sizeBytes,
    mtimeMs: same ? st.mtimeMs : d.mtimeMs,
    hash: d.hash,
    schema: d.schema,
  });
  changed(ctx, d, 'relinked');
  return toDataset(ctx, mustGetDataset(ctx, id));
}

/** Forgets the dataset; its check runs stay (they keep the file name and hash). The file is untouched. */
export function removeDataset(ctx: BackendContext, id: string): { id: string } {
  const d = mustGetDataset(ctx, id);
  repo.deleteDataset(ctx.db, id);
  changed(ctx, d, 'removed');
  return { id };
}

export function guessDatasetColumns(ctx: BackendContext, id: string): ColumnGuesses {
  const d = mustGetDataset(ctx, id, 'datasetId');
  return guessColumns(d.schema, latestProfile(ctx, d));
}
