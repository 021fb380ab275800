/**
 * target_leakage, graded: a column that is a near-copy of the target (single-feature AUC >= 0.99,
 * |Spearman| >= 0.99 for a numeric target, or a discrete column whose values each go with one
 * class) is leakage, an error; a very strong but plausible predictor (AUC >= 0.95) is an info
 * note asking the owner to make sure it is known before the outcome. Genuine measurements reach
 * AUC 0.975 (breast_cancer "worst perimeter"); a copy of the label with 2.5% noise scores the same
 * AUC, and its mapping is what gives it away. Most suspicious first.
 */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatNumber, formatShare } from '../format';
import type { QualityThresholds } from '../thresholds';
import { classificationPower, type PredictivePower, regressionPower } from './predictive-power';
import { isClassification, targetColumn } from './target-column';

/** Fewer sampled rows than this cannot tell leakage from luck. */
export const MIN_ROWS_FOR_LEAKAGE = 30;

type Grade = 'mapping' | 'near_copy' | 'strong_predictor';

function gradeOf(power: PredictivePower, classification: boolean, t: QualityThresholds): Grade | undefined {
  const m = power.mapping;
  if (m && m.purity >= t.targetLeakageMappingPurity && m.gain >= t.targetLeakageMappingGain) return 'mapping';
  if (power.value >= (classification ? t.targetLeakageErrorAuc : t.targetLeakageErrorCorrelation)) return 'near_copy';
  if (power.value >= (classification ? t.targetLeakageAuc : t.targetLeakageCorrelation)) return 'strong_predictor';
  return undefined;
}

const RANK: Record<Grade, number> = { mapping: 0, near_copy: 1, strong_predictor: 2 };

export const targetLeakageCheck: CheckDefinition = {
  id: 'target_leakage',
  title: 'Target leakage',
  about: 'A single column that gives the answer away, usually because it is recorded after the outcome or derived from it.',
  needs: 'target',
  run(context) {
    const { input, thresholds: t, options } = context;
    const target = targetColumn(context);
    const sample = input.rowSample;
    if (!target) return [];
    if (!sample) {
      context.note('target_leakage', `Not judged: the engine kept no sample of whole rows to compare each column with the target ${col(target.name)}.`);
      return [];
    }
    const classification = isClassification(target);
    if (!classification && target.type !== 'integer' && target.type !== 'float') {
      context.note('target_leakage', `Not judged: the target ${col(target.name)} is neither class labels (at most 50 classes, all counted) nor numbers (it is ${target.type}, ${formatCount(target.distinct)} different values).`);
      return [];
    }
    const graded: Array<{ finding: Finding; grade: Grade; value: number }> = [];
    let tooFew = 0;
    for (const c of input.columns) {
      if (c.name === target.name || c.name === options.id || c.name === options.time) continue;
      const power = classification ? classificationPower(sample, c.name, target.name) : regressionPower(sample, c.name, target.name);
      if (!power) continue;
      if (power.rows < MIN_ROWS_FOR_LEAKAGE) {
        tooFew = Math.max(tooFew, power.rows);
        continue;
      }
      const grade = gradeOf(power, classification, t);
      if (!grade) continue;
      const how = power.measure === 'auc' ? `AUC ${formatNumber(power.value)}, where 1 is perfect and 0.5 is guessing` : `rank correlation ${formatNumber(power.value)}`;
      const on = `on ${formatCount(power.rows)} sampled rows`;
      const details = {
        grade,
        measure: power.measure,
        value: power.value,
        sampledRows: power.rows,
        threshold: grade === 'strong_predictor' ? (classification ? t.targetLeakageAuc : t.targetLeakageCorrelation) : classification ? t.targetLeakageErrorAuc : t.targetLeakageErrorCorrelation,
        ...(power.mapping ? { mappingPurity: power.mapping.purity, mappingGain: power.mapping.gain, mappingValues: power.mapping.values } : {}),
      };
      const finding: Finding =
        grade === 'strong_predictor'
          ? {
              id: 'target_leakage',
              severity: 'info',
              column: c.name,
              columns: [c.name, target.name],
              details,
              message: `Column ${col(c.name)} is a very strong single predictor of the target ${col(target.name)} (${how}, ${on}): make sure it is known before the outcome.`,
              advice: `Strong genuine predictors exist; check that ${col(c.name)} is recorded before ${col(target.name)} is decided and is not derived from it. If it is, remove it from the features.`,
            }
          : {
              id: 'target_leakage',
              severity: 'error',
              column: c.name,
              columns: [c.name, target.name],
              details,
              message:
                grade === 'mapping'
                  ? `Column ${col(c.name)} is almost a copy of the target ${col(target.name)}: each of its ${formatCount(power.mapping!.values)} values goes with one class in ${formatShare(power.mapping!.purity)} of ${formatCount(power.rows)} sampled rows (${how}). It is derived from the outcome or recorded after it, so the model will look far better in testing than in use.`
                  : `Column ${col(c.name)} is almost a copy of the target ${col(target.name)}: it predicts it almost perfectly on its own (${how}, ${on}). It is derived from the outcome or recorded after it, so the model will look far better in testing than in use.`,
              advice: `Remove ${col(c.name)} from the features unless you are sure it is known before the outcome and not derived from it.`,
            };
      graded.push({ finding, grade, value: power.mapping?.purity ?? power.value });
    }
    if (tooFew > 0) context.note('target_leakage', `Some columns were not judged: at most ${formatCount(tooFew)} sampled rows had both the column and the target ${col(target.name)}, fewer than the ${MIN_ROWS_FOR_LEAKAGE} needed to tell a leak from luck.`);
    return graded.sort((a, b) => RANK[a.grade] - RANK[b.grade] || b.value - a.value).map((g) => g.finding);
  },
};
