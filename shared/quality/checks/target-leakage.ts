/**
 * target_leakage: a single column that predicts the target (almost) perfectly on its own, which
 * usually means it is recorded after the outcome (Deepchecks FeatureLabelCorrelation, PPS >= 0.8).
 */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatNumber } from '../format';
import { classificationPower, regressionPower } from './predictive-power';
import { isClassification, targetColumn } from './target-column';

/** Fewer sampled rows than this cannot tell leakage from luck. */
export const MIN_ROWS_FOR_LEAKAGE = 30;

export const targetLeakageCheck: CheckDefinition = {
  id: 'target_leakage',
  title: 'Target leakage',
  about: 'A single column that gives the answer away, usually because it is recorded after the outcome.',
  needs: 'target',
  run(context) {
    const { input, thresholds: t, options } = context;
    const target = targetColumn(context);
    const sample = input.rowSample;
    if (!target || !sample) return [];
    const classification = isClassification(target);
    if (!classification && target.type !== 'integer' && target.type !== 'float') return [];
    const findings: Finding[] = [];
    for (const c of input.columns) {
      if (c.name === target.name || c.name === options.id || c.name === options.time) continue;
      const power = classification ? classificationPower(sample, c.name, target.name) : regressionPower(sample, c.name, target.name);
      if (!power || power.rows < MIN_ROWS_FOR_LEAKAGE) continue;
      const warnAt = classification ? t.targetLeakageAuc : t.targetLeakageCorrelation;
      if (power.value < warnAt) continue;
      const errorAt = classification ? t.targetLeakageErrorAuc : t.targetLeakageErrorCorrelation;
      const severity = power.value >= errorAt ? 'error' : 'warning';
      const how = power.measure === 'auc' ? `AUC ${formatNumber(power.value)}, where 1 is perfect and 0.5 is guessing` : `rank correlation ${formatNumber(power.value)}`;
      findings.push({
        id: 'target_leakage',
        severity,
        column: c.name,
        columns: [c.name, target.name],
        details: { measure: power.measure, value: power.value, sampledRows: power.rows, threshold: warnAt },
        message: `Column ${col(c.name)} alone predicts the target ${col(target.name)} almost perfectly (${how}, on ${formatCount(power.rows)} sampled rows). This usually means it is filled in after the outcome is known, so the model will look far better in testing than in use.`,
        advice: `Check when ${col(c.name)} is recorded. If it is known only after the outcome (or is derived from the target), remove it from the features.`,
      });
    }
    return findings;
  },
};
