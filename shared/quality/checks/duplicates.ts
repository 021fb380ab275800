/** duplicate_rows: identical rows within one file (by 64-bit row hash, computed by the engine). */
import type { CheckDefinition } from '../check-context';
import { formatCount, formatShare, plural } from '../format';

export const duplicateRowsCheck: CheckDefinition = {
  id: 'duplicate_rows',
  title: 'Duplicate rows',
  about: 'Rows repeated exactly: they count twice and can land in both training and test.',
  needs: 'dataset',
  run({ input, thresholds: t }) {
    if (input.duplicateRows === 0 || input.rows === 0) return [];
    const share = input.duplicateRows / input.rows;
    return [
      {
        id: 'duplicate_rows',
        severity: share >= t.duplicateRowsErrorShare ? 'error' : 'warning',
        count: input.duplicateRows,
        share,
        details: { duplicateRows: input.duplicateRows, rows: input.rows },
        message: `${plural(input.duplicateRows, 'row')} (${formatShare(share)} of ${formatCount(input.rows)}) repeat an earlier row exactly. Duplicates count twice in training and can end up in both training and test.`,
        advice: `Remove exact duplicates before splitting the data, unless repeated rows are genuine repeated events.`,
      },
    ];
  },
};
