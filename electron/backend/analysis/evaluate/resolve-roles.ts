/**
 * The roles a user gave, checked against the file's columns before the long pass: every named
 * column must exist, the probability prefix must match at least two columns, and the task must
 * fit the roles. Problems are PARSE_ERRORs naming the role and listing the columns there are.
 */
import type { EvaluationTask } from '../../../../shared/contract/evaluation-result';
import type { PredictionRoles } from '../../../../shared/contract/evaluations';
import { parseError } from '../read/parse-error';

export interface ResolvedRoles {
  task: EvaluationTask;
  label: string;
  score: string | null;
  /** Probability columns in file order, each with the class it stands for. */
  probabilityColumns: Array<{ column: string; label: string }>;
  probabilityPrefix: string | null;
  prediction: string | null;
  weight: string | null;
  slices: string[];
  time: string | null;
  trainFlag: string | null;
  /** The score column holds raw scores, not probabilities. */
  rawScores: boolean;
}

function listColumns(names: readonly string[]): string {
  const shown = names.slice(0, 30).map((n) => `"${n}"`);
  return names.length > 30 ? `${shown.join(', ')} and ${names.length - 30} more` : shown.join(', ');
}

/** The task the roles imply when the user did not say; null when only a sample can tell. */
export function taskFromRoles(roles: PredictionRoles, probabilityColumns: number): EvaluationTask | null {
  if (roles.score !== undefined) return 'binary';
  if (roles.probabilityPrefix !== undefined) return probabilityColumns === 2 ? 'binary' : 'multiclass';
  return null;
}

export function resolveRoles(file: string, names: readonly string[], roles: PredictionRoles, task: EvaluationTask, rawScores: boolean): ResolvedRoles {
  const byTrimmed = new Map(names.map((n) => [n.trim(), n]));
  const need = (name: string | undefined, role: string): string | null => {
    if (name === undefined) return null;
    const found = byTrimmed.get(name.trim());
    if (found === undefined) throw parseError(file, `has no column named "${name}" (given as the ${role} column); its columns are ${listColumns(names)}.`);
    return found;
  };
  const label = need(roles.label, 'label')!;
  const score = need(roles.score, 'score');
  const prediction = need(roles.prediction, 'prediction');
  const weight = need(roles.weight, 'weight');
  const time = need(roles.time, 'time');
  const trainFlag = need(roles.trainFlag, 'training-flag');
  const slices = (roles.slices ?? []).map((s) => need(s, 'slice')!);
  const taken = new Set([label, score, prediction, weight, time, trainFlag].filter((x): x is string => x !== null));

  let probabilityColumns: ResolvedRoles['probabilityColumns'] = [];
  const prefix = roles.probabilityPrefix ?? null;
  if (prefix !== null) {
    probabilityColumns = names.filter((n) => n.startsWith(prefix) && n.length > prefix.length && !taken.has(n)).map((n) => ({ column: n, label: n.slice(prefix.length) }));
    if (probabilityColumns.length === 0) throw parseError(file, `has no column whose name starts with "${prefix}" (given as the prefix of the probability columns); its columns are ${listColumns(names)}.`);
    if (probabilityColumns.length === 1) {
      throw parseError(file, `has one probability column starting with "${prefix}" (${probabilityColumns[0]!.column}); expected one per class. For a binary score, name it as the score column instead.`);
    }
  }

  if (task === 'regression') {
    if (prediction === null) throw parseError(file, 'a regression needs the column with the predicted numbers (the prediction column); scores and probability columns are for classifiers.');
    if (score !== null || prefix !== null) throw parseError(file, 'a regression takes a prediction column only; scores and probability columns are for classifiers.');
  }
  if (task === 'binary' && probabilityColumns.length > 2) {
    throw parseError(file, `has ${probabilityColumns.length} probability columns (${probabilityColumns.map((c) => c.column).join(', ')}); a binary evaluation needs a score or two probability columns. Evaluate it as multiclass.`);
  }
  if (task === 'multiclass' && score !== null) throw parseError(file, 'a multiclass evaluation needs one probability column per class (a prefix such as "p_") or a predicted label, not a single score column.');
  return { task, label, score, probabilityColumns, probabilityPrefix: prefix, prediction, weight, slices, time, trainFlag, rawScores };
}
