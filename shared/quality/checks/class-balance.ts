/**
 * class_imbalance (the rarest class is much rarer than the commonest; Deepchecks ClassImbalance,
 * ratio 0.1) and conflicting_labels (identical feature rows with different labels; Deepchecks
 * ConflictingLabels, counted by the engine from feature hashes).
 */
import type { CheckContext, CheckDefinition } from '../check-context';
import { col, formatCount, formatShare, plural } from '../format';
import { redact } from '../pii/detectors';
import { isClassification, targetColumn, targetName } from './target-column';

export const classImbalanceCheck: CheckDefinition = {
  id: 'class_imbalance',
  title: 'Class imbalance',
  about: 'One target class much rarer than another: accuracy looks good while the rare class is missed.',
  needs: 'target',
  run(context) {
    const t = context.thresholds;
    const target = targetColumn(context);
    if (!target || !isClassification(target) || target.topValues.length < 2) return [];
    const classes = [...target.topValues].sort((a, b) => b.count - a.count);
    const most = classes[0];
    const least = classes[classes.length - 1];
    const ratio = least.count / most.count;
    if (ratio >= t.classImbalanceRatio) return [];
    const total = target.count;
    const rare = classes.filter((c) => c.count / most.count < t.classImbalanceRatio);
    const severity = ratio < t.classImbalanceErrorRatio ? 'error' : 'warning';
    return [
      {
        id: 'class_imbalance',
        severity,
        column: target.name,
        count: least.count,
        share: least.count / total,
        details: {
          ratio,
          threshold: t.classImbalanceRatio,
          classes: classes.map((c) => ({ label: redact(c.value), count: c.count, share: c.count / total })),
          rareClasses: rare.length,
        },
        message: `The target ${col(target.name)} is unbalanced: the rarest class "${redact(least.value)}" has ${plural(least.count, 'row')} (${formatShare(least.count / total)}) against ${formatCount(most.count)} (${formatShare(most.count / total)}) for "${redact(most.value)}", about 1 to ${formatCount(Math.round(1 / ratio))}. A model can score well by ignoring the rare class.`,
        advice: `Judge the model with per-class recall or precision-recall, not accuracy; consider class weights, resampling, or collecting more rare examples.`,
      },
    ];
  },
};

/** Role columns describe a row, they do not feed a model: the comparison leaves them out, and says so. */
function leftOut(context: CheckContext): string {
  const roles = [context.options.id ? 'id' : null, context.options.time ? 'time' : null].filter((x): x is string => x !== null);
  return roles.length ? `; leaving out the ${roles.join(' and ')} ${roles.length === 1 ? 'column' : 'columns'}, which describe a row rather than feed a model` : '';
}

export const conflictingLabelsCheck: CheckDefinition = {
  id: 'conflicting_labels',
  title: 'Conflicting labels',
  about: 'Identical inputs with different labels: labelling mistakes or missing information.',
  needs: 'target',
  run(context) {
    const { input, thresholds: t } = context;
    const facts = input.target;
    if (!facts || facts.conflictingRows === 0 || input.rows === 0) return [];
    const share = facts.conflictingRows / input.rows;
    const name = targetName(context) ?? facts.column;
    return [
      {
        id: 'conflicting_labels',
        severity: share >= t.conflictingLabelsErrorShare ? 'error' : 'warning',
        column: name,
        count: facts.conflictingRows,
        share,
        details: { conflictingGroups: facts.conflictingGroups, conflictingRows: facts.conflictingRows, rows: input.rows },
        message: `${plural(facts.conflictingRows, 'row')} (${formatShare(share)}) have exactly the same inputs as another row but a different ${col(name)} (${plural(facts.conflictingGroups, 'group')}${leftOut(context)}). No model can get all of them right.`,
        advice: `Review these groups: they are labelling mistakes, or the columns miss information that decides the label.`,
      },
    ];
  },
};
