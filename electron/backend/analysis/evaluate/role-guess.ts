/**
 * Guesses for the evaluation wizard: which column is the true label, the model's score or
 * probability columns, the predicted label or number, a weight, slices, a timestamp and the
 * training-set flag, each with a one-line reason, best first; and the task and the positive
 * label. From the column names and the first rows only: the user confirms.
 */
import type { EvaluationTask } from '../../../../shared/contract/evaluation-result';
import type { PredictionRoles, RoleGuesses } from '../../../../shared/contract/evaluations';
import type { HeadSample } from './head-sample';
import { choosePositiveLabel } from './positive-label';
import { isMissingText } from './cell-problem';

interface Guess {
  column: string;
  reason: string;
  score: number;
}

const LABEL_NAME = /^(label|labels|target|y|y_true|ytrue|true|truth|ground_truth|actual|class|outcome|gold|true_label|y_test)$/i;
const LABEL_SUFFIX = /(_true|_label|_target|_actual|_truth)$/i;
const SCORE_NAME = /^(score|scores|prob|proba|probability|p|y_score|y_prob|y_proba|pred_proba|prediction_score|confidence|p1|prob_1|proba_1)$/i;
const SCORE_PART = /(prob|score|confidence)/i;
const PREDICTION_NAME = /^(pred|preds|prediction|predictions|predicted|y_pred|ypred|yhat|y_hat|predicted_label|pred_label|output|forecast)$/i;
const PREDICTION_PART = /(pred|forecast)/i;
const WEIGHT_NAME = /^(weight|weights|sample_weight|sample_weights|w)$/i;
const TIME_NAME = /(date|time|timestamp|datetime|_at$|_on$|^ts$|^month$|^day$)/i;
const FLAG_NAME = /^(is_train|in_train|train|is_training|in_training|training|split|member|is_member|in_training_set|train_flag)$/i;
const FLAG_VALUES = new Set(['0', '1', 'true', 'false', 'yes', 'no', 'train', 'test', 'training', 'holdout', 'held-out', 'valid', 'validation', 'in', 'out']);
const SLICE_NAME = /(region|country|state|city|segment|group|gender|sex|age|band|bucket|cohort|channel|device|platform|language|category|tier|plan|source)/i;
const PREFIX_SEPARATOR = /^(.+?[_.\-:])[^_.\-:]+$/;

interface ColumnFacts {
  name: string;
  values: string[];
  numeric: number[];
  /** Share of non-missing values that are numbers. */
  numericShare: number;
  distinct: number;
  inUnitRange: boolean;
  integers: boolean;
  flags: boolean;
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
}

function factsOf(sample: HeadSample): ColumnFacts[] {
  return sample.names.map((name, c) => {
    const values = sample.rows.map((r) => textOf(r[c])).filter((t) => !isMissingText(t));
    const numeric = values.map(Number).filter((x) => Number.isFinite(x));
    return {
      name,
      values,
      numeric,
      numericShare: values.length === 0 ? 0 : numeric.length / values.length,
      distinct: new Set(values).size,
      inUnitRange: numeric.length > 0 && numeric.every((x) => x >= 0 && x <= 1),
      integers: numeric.every((x) => Number.isInteger(x)),
      flags: values.length > 0 && values.every((v) => FLAG_VALUES.has(v.toLowerCase())),
    };
  });
}

function ranked(guesses: Guess[]): RoleGuesses['label'] {
  return guesses.sort((a, b) => b.score - a.score).map(({ column, reason }) => ({ column, reason }));
}

/** Columns grouped by a shared prefix (p_cat, p_dog -> "p_") whose values are probabilities summing to 1. */
function probabilityGroups(sample: HeadSample, facts: ColumnFacts[], labelValues: Set<string>): RoleGuesses['probabilityPrefix'] {
  const groups = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const m = PREFIX_SEPARATOR.exec(f.name);
    if (!m || f.numericShare < 1 || !f.inUnitRange) return;
    const list = groups.get(m[1]!) ?? [];
    list.push(i);
    groups.set(m[1]!, list);
  });
  const out: Array<RoleGuesses['probabilityPrefix'][number] & { score: number }> = [];
  for (const [prefix, idx] of groups) {
    if (idx.length < 2) continue;
    const sums = sample.rows.map((r) => idx.reduce((s, i) => s + Number(textOf(r[i])), 0));
    const sumToOne = sums.length > 0 && sums.every((s) => Math.abs(s - 1) <= 0.01);
    const columns = idx.map((i) => facts[i]!.name);
    const classes = columns.map((c) => c.slice(prefix.length));
    const matching = classes.filter((c) => labelValues.has(c) || labelValues.has(String(Number(c)))).length;
    const reasons = [`${columns.length} columns starting with "${prefix}" hold values between 0 and 1`];
    if (sumToOne) reasons.push('each row sums to 1');
    if (matching > 0) reasons.push(`${matching} of their names match label values`);
    out.push({ prefix, columns, reason: reasons.join('; '), score: (sumToOne ? 2 : 0) + (matching > 0 ? 2 : 0) + (/^p|prob/i.test(prefix) ? 1 : 0) });
  }
  return out.sort((a, b) => b.score - a.score).map(({ prefix, columns, reason }) => ({ prefix, columns, reason }));
}

/** The task a sample suggests for the given roles, with the reason. */
export function guessTaskFromSample(sample: HeadSample, roles: Pick<PredictionRoles, 'label' | 'score' | 'probabilityPrefix' | 'prediction'>): { value: EvaluationTask; reason: string } {
  const facts = factsOf(sample);
  const label = facts.find((f) => f.name.trim() === roles.label.trim());
  if (roles.score !== undefined) return { value: 'binary', reason: 'one score column means a binary classifier' };
  if (roles.probabilityPrefix !== undefined) {
    const k = facts.filter((f) => f.name.startsWith(roles.probabilityPrefix!) && f.name.length > roles.probabilityPrefix!.length).length;
    return k === 2 ? { value: 'binary', reason: 'two probability columns' } : { value: 'multiclass', reason: `${k} probability columns, one per class` };
  }
  const prediction = facts.find((f) => f.name.trim() === roles.prediction?.trim());
  if (label && label.numericShare === 1 && label.values.length > 0 && (!label.integers || label.distinct > 20) && (!prediction || prediction.numericShare === 1)) {
    return { value: 'regression', reason: `the label holds numbers with ${label.distinct} different values in the first ${sample.rows.length} rows` };
  }
  const classes = new Set([...(label?.values ?? []), ...(prediction?.values ?? [])].map((v) => (Number.isFinite(Number(v)) && v !== '' ? String(Number(v)) : v)));
  if (classes.size <= 2) return { value: 'binary', reason: `the label and prediction hold ${classes.size} different values` };
  return { value: 'multiclass', reason: `the label and prediction hold ${classes.size} different values` };
}

export function guessRoles(file: string, format: RoleGuesses['format'], sample: HeadSample): RoleGuesses {
  const facts = factsOf(sample);
  const n = sample.rows.length;
  const label: Guess[] = [];
  const score: Guess[] = [];
  const prediction: Guess[] = [];
  const weight: Guess[] = [];
  const time: Guess[] = [];
  const trainFlag: Guess[] = [];
  const slices: Guess[] = [];
  facts.forEach((f, i) => {
    const few = f.distinct >= 1 && f.distinct <= 20;
    if (LABEL_NAME.test(f.name)) label.push({ column: f.name, reason: `named "${f.name}", a usual name for the true label`, score: 3 + (few ? 0.5 : 0) });
    else if (LABEL_SUFFIX.test(f.name)) label.push({ column: f.name, reason: 'its name ends like a true-label column', score: 2.5 });

    if (f.numericShare === 1 && f.values.length > 0) {
      const unit = f.inUnitRange ? 'values between 0 and 1' : 'numbers outside [0, 1] (raw scores)';
      if (SCORE_NAME.test(f.name)) score.push({ column: f.name, reason: `named "${f.name}", with ${unit}`, score: 3 + (f.inUnitRange ? 0.5 : 0) });
      else if (SCORE_PART.test(f.name) && !f.integers) score.push({ column: f.name, reason: `its name mentions a score or probability, with ${unit}`, score: 2 });
    }
    if (PREDICTION_NAME.test(f.name)) prediction.push({ column: f.name, reason: `named "${f.name}", a usual name for the model's prediction`, score: 3 });
    else if (PREDICTION_PART.test(f.name) && !SCORE_PART.test(f.name)) prediction.push({ column: f.name, reason: 'its name suggests a prediction', score: 2 });

    if (WEIGHT_NAME.test(f.name) && f.numericShare === 1 && f.numeric.every((x) => x >= 0)) weight.push({ column: f.name, reason: `named "${f.name}", numbers of 0 or more`, score: 3 });
    if (TIME_NAME.test(f.name) && f.values.some((v) => Number.isFinite(Date.parse(v)))) time.push({ column: f.name, reason: 'a time-like name and values that read as dates', score: 3 });
    if (FLAG_NAME.test(f.name) && f.flags) trainFlag.push({ column: f.name, reason: `named "${f.name}", with yes/no values: marks the training rows`, score: 3 });
    void i;
  });
  const roleColumns = new Set([...label, ...score, ...prediction, ...weight, ...time, ...trainFlag].filter((g) => g.score >= 3).map((g) => g.column));
  const labelColumn = ranked([...label])[0]?.column;
  const labelValues = new Set(facts.find((f) => f.name === labelColumn)?.values ?? []);
  const probabilityPrefix = probabilityGroups(sample, facts, labelValues);
  const inGroups = new Set(probabilityPrefix.flatMap((g) => g.columns));
  for (const f of facts) {
    if (roleColumns.has(f.name) || inGroups.has(f.name) || f.name === labelColumn) continue;
    const categorical = f.numericShare < 1 && f.distinct >= 2 && f.distinct <= 50;
    if (categorical) slices.push({ column: f.name, reason: `${f.distinct} different values in the first ${n} rows`, score: SLICE_NAME.test(f.name) ? 3 : 2 });
    else if (SLICE_NAME.test(f.name) && f.distinct >= 2) slices.push({ column: f.name, reason: f.numericShare === 1 ? 'a numeric column with a group-like name (binned into ranges)' : 'a group-like name', score: 1.5 });
  }
  const best = {
    label: ranked(label),
    score: ranked(score),
    prediction: ranked(prediction),
    weight: ranked(weight),
    time: ranked(time),
    trainFlag: ranked(trainFlag),
    slices: ranked(slices),
  };
  const labelName = best.label[0]?.column;
  let roles: RoleGuesses['roles'] = null;
  let task: RoleGuesses['task'] = null;
  let positiveLabel: RoleGuesses['positiveLabel'] = null;
  if (labelName) {
    const output: Pick<PredictionRoles, 'score' | 'probabilityPrefix' | 'prediction'> = {};
    if (best.score[0]) output.score = best.score[0].column;
    else if (probabilityPrefix[0]) output.probabilityPrefix = probabilityPrefix[0].prefix;
    else if (best.prediction[0]) output.prediction = best.prediction[0].column;
    if (output.score !== undefined || output.probabilityPrefix !== undefined || output.prediction !== undefined) {
      if (output.score === undefined && output.probabilityPrefix === undefined && best.prediction[0]) output.prediction = best.prediction[0].column;
      roles = {
        label: labelName,
        ...output,
        ...(best.weight[0] ? { weight: best.weight[0].column } : {}),
        ...(best.time[0] ? { time: best.time[0].column } : {}),
        ...(best.trainFlag[0] ? { trainFlag: best.trainFlag[0].column } : {}),
        ...(best.slices.length ? { slices: best.slices.slice(0, 3).map((s) => s.column) } : {}),
      };
      task = guessTaskFromSample(sample, { label: labelName, ...output });
    }
    if (task === null || task.value === 'binary') {
      const values = facts.find((f) => f.name === labelName)!.values;
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const labels = [...counts.keys()];
      if (labels.length === 2) positiveLabel = { ...choosePositiveLabel(labels, labels.map((l) => counts.get(l)!)), labels };
    }
  }
  return { file, format, columns: sample.names, sampledRows: n, ...best, probabilityPrefix, task, positiveLabel, roles };
}
