/**
 * Leakage between the checked file and its reference (e.g. test vs training):
 * train_test_overlap (identical rows in both; Deepchecks TrainTestSamplesMix, max 5%),
 * group_leakage (the same entity id in both; Deepchecks IndexTrainTestLeakage for indices),
 * date_leakage (checked rows not later than the reference's latest time; Deepchecks
 * DateTrainTestLeakageOverlap).
 */
import type { CheckDefinition } from '../check-context';
import { col, formatCount, formatShare, plural } from '../format';

export const trainTestOverlapCheck: CheckDefinition = {
  id: 'train_test_overlap',
  title: 'Rows shared with the reference',
  about: 'Rows present in both files make the test score look better than reality.',
  needs: 'reference',
  run({ input, thresholds: t, roles }) {
    const ref = input.reference;
    if (!ref || ref.overlapRows === 0 || input.rows === 0) return [];
    const share = ref.overlapRows / input.rows;
    return [
      {
        id: 'train_test_overlap',
        severity: share >= t.trainTestOverlapErrorShare ? 'error' : 'warning',
        count: ref.overlapRows,
        share,
        details: { overlapRows: ref.overlapRows, rows: input.rows, referenceRows: ref.rows, threshold: t.trainTestOverlapErrorShare },
        message: `${formatShare(share)} of ${roles.current} rows (${formatCount(ref.overlapRows)} of ${formatCount(input.rows)}) also appear in the ${roles.reference} data, so the ${roles.current} score will look better than reality.`,
        advice: `Remove from the ${roles.current} data every row that is also in the ${roles.reference} data (deduplicate before splitting), then evaluate again.`,
      },
    ];
  },
};

export const groupLeakageCheck: CheckDefinition = {
  id: 'group_leakage',
  title: 'Same entities in both files',
  about: 'The same entity in both files lets the model be tested on what it has already seen.',
  needs: 'reference',
  run({ input, thresholds: t, roles }) {
    const ids = input.reference?.idOverlap;
    if (!ids || ids.sharedIds === 0 || input.rows === 0) return [];
    const share = ids.currentRowsWithSharedId / input.rows;
    return [
      {
        id: 'group_leakage',
        severity: share >= t.groupLeakageErrorShare ? 'error' : 'warning',
        column: ids.column,
        count: ids.currentRowsWithSharedId,
        share,
        details: {
          sharedIds: ids.sharedIds,
          currentDistinct: ids.currentDistinct,
          referenceDistinct: ids.referenceDistinct,
          currentRowsWithSharedId: ids.currentRowsWithSharedId,
          threshold: t.groupLeakageErrorShare,
        },
        message: `${plural(ids.sharedIds, 'value')} of ${col(ids.column)} appear in both the ${roles.current} and the ${roles.reference} data, covering ${formatShare(share)} of ${roles.current} rows. The model is tested partly on entities it has already seen, so the score will overstate how it does on new ones.`,
        advice: `Split by ${col(ids.column)} (a group split: every entity entirely in one side), then evaluate again.`,
      },
    ];
  },
};

export const dateLeakageCheck: CheckDefinition = {
  id: 'date_leakage',
  title: 'Time order between the files',
  about: 'Test rows that are not later than the training rows let the model peek into the future.',
  needs: 'reference',
  run({ input, thresholds: t, roles }) {
    const time = input.reference?.time;
    if (!time || time.currentRowsNotAfterReference === 0 || input.rows === 0) return [];
    const share = time.currentRowsNotAfterReference / input.rows;
    return [
      {
        id: 'date_leakage',
        severity: share >= t.dateLeakageErrorShare ? 'error' : 'warning',
        column: time.column,
        count: time.currentRowsNotAfterReference,
        share,
        details: { ...time, threshold: t.dateLeakageErrorShare },
        message: `${formatShare(share)} of ${roles.current} rows (${formatCount(time.currentRowsNotAfterReference)}) are dated on or before ${time.referenceMax.slice(0, 10)}, the latest ${col(time.column)} in the ${roles.reference} data. The model is tested on a period it has already seen, so the score will overstate how it predicts the future.`,
        advice: `Split by time: train on everything before a cut-off date and test only on what comes after it.`,
      },
    ];
  },
};
