/**
 * The columns a monitor follows groups of. For the "new monitor" form: the reference file's
 * columns other than the label and the model's output, the ones Tally would slice by marked with
 * the reason. For `monitors.create`: the chosen columns checked against the reference file before
 * anything is stored, so a misspelt column is refused at once, by name, instead of leaving every
 * batch without groups.
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import type { PredictionRoles } from '../../../shared/contract/evaluations';
import type { Monitor, MonitorReferenceInput, MonitorSliceChoices } from '../../../shared/contract/monitors';
import { AppError } from '../../../shared/domain/errors';
import { col } from '../../../shared/quality/format';
import { sampleHead } from '../analysis/evaluate/head-sample';
import { detectFormat } from '../analysis/read/format-detector';
import type { BackendContext } from '../context';
import { requireDataFile } from './dataset-fingerprint';
import { mustGetDataset } from './datasets.service';
import { guessEvaluationRoles, mustGetEvaluation } from './evaluations.service';

type Reference = z.output<typeof MonitorReferenceInput>;

/** Columns shown in a message before "and N more". */
const LISTED = 30;

function listColumns(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map(col).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/** The label, the model's output and the other role columns: never offered as groups. */
function isRoleColumn(roles: PredictionRoles, name: string): boolean {
  const n = name.trim();
  const taken = [roles.label, roles.score, roles.prediction, roles.weight, roles.time, roles.trainFlag].filter((c): c is string => c !== undefined).map((c) => c.trim());
  if (taken.includes(n)) return true;
  const prefix = roles.probabilityPrefix;
  return prefix !== undefined && name.startsWith(prefix) && name.length > prefix.length;
}

function sliceError(message: string, issue: string, file?: string): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ path: 'slices', message: issue }], location: { field: 'slices', ...(file ? { file } : {}) } });
}

/**
 * The file's column for each wanted name (matched as the evaluation matches roles: surrounding
 * spaces aside), each once, in the order given; the first name the file lacks is an INVALID_INPUT
 * naming it and the columns there are.
 */
export function resolveSliceColumns(file: string, names: readonly string[], wanted: readonly string[]): string[] {
  const byTrimmed = new Map(names.map((n) => [n.trim(), n]));
  const out: string[] = [];
  for (const w of wanted) {
    const found = byTrimmed.get(w.trim());
    if (found === undefined) {
      throw sliceError(`The reference ${basename(file)} has no column ${col(w)} to follow groups by; its columns are ${listColumns(names)}.`, `No column ${col(w)} in the reference`, file);
    }
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

/**
 * The roles a new monitor stores once the user's slice columns are applied: `wanted` replaces
 * the roles' slice columns ([] removes them), after each is found in the reference file.
 */
export async function withSliceColumns(reference: Monitor['reference'], roles: PredictionRoles | null, wanted: readonly string[]): Promise<PredictionRoles | null> {
  if (wanted.length === 0) {
    if (roles === null) return null;
    const { slices: _dropped, ...rest } = roles;
    return rest;
  }
  if (roles === null) {
    throw sliceError(
      `Groups are judged on the model's results, and the data file ${reference.name} comes without its label and model output columns: follow groups with an evaluation as the reference (it brings those columns).`,
      'The reference has no label and model output columns',
    );
  }
  const names = (await sampleHead(reference.path, detectFormat(reference.path), {}, 1)).names;
  return { ...roles, slices: resolveSliceColumns(reference.path, names, wanted) };
}

export async function sliceChoices(ctx: BackendContext, reference: Reference): Promise<MonitorSliceChoices> {
  if (reference.kind === 'dataset') {
    const d = mustGetDataset(ctx, reference.datasetId, 'reference.datasetId');
    return { columns: [], followed: [], note: `${d.name} holds no answers of the model to judge, so a monitor on it follows the drift of its columns only. Choose an evaluation as the reference to follow groups.` };
  }
  const e = mustGetEvaluation(ctx, reference.evaluationId, 'reference.evaluationId');
  requireDataFile(e.path, 'reference.evaluationId');
  const guesses = await guessEvaluationRoles(e.path);
  const reasons = new Map(guesses.slices.map((g) => [g.column, g.reason]));
  const columns = guesses.columns.filter((c) => !isRoleColumn(e.roles, c)).map((name) => ({ name, suggested: reasons.get(name) ?? null }));
  const offered = new Map(columns.map((c) => [c.name.trim(), c.name]));
  const followed = (e.roles.slices ?? []).map((s) => offered.get(s.trim())).filter((c): c is string => c !== undefined);
  return { columns, followed, note: null };
}
