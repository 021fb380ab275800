/** constant_column and almost_constant: columns that carry (almost) no information. */
import { type CheckDefinition, isRoleColumn } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatShare } from '../format';

export const constantColumnCheck: CheckDefinition = {
  id: 'constant_column',
  title: 'Constant column',
  about: 'A column with one value everywhere carries no information.',
  needs: 'dataset',
  run({ input }) {
    return input.columns
      .filter((c) => c.count > 0 && c.distinct <= 1 && !c.distinctIsEstimate)
      .map(
        (c): Finding => ({
          id: 'constant_column',
          severity: 'warning',
          column: c.name,
          count: c.count,
          share: 1,
          details: { distinct: c.distinct },
          message: `Column ${col(c.name)} holds the same value in all ${formatCount(c.count)} filled rows, so it cannot help a model.`,
          advice: `Drop ${col(c.name)} from the features (keep it only if it documents where the data came from).`,
        }),
      );
  },
};

export const almostConstantCheck: CheckDefinition = {
  id: 'almost_constant',
  title: 'Almost constant column',
  about: 'A column that is one value almost everywhere carries little information.',
  needs: 'dataset',
  run(context) {
    const { input, thresholds: t } = context;
    const findings: Finding[] = [];
    for (const c of input.columns) {
      // The target is judged by class_imbalance; constant columns by constant_column.
      if (c.count < t.minValuesForColumnJudgement || c.distinct <= 1 || isRoleColumn(context, c.name)) continue;
      const top = c.topValues[0];
      if (!top) continue;
      const share = top.count / c.count;
      if (share < t.almostConstantShare) continue;
      findings.push({
        id: 'almost_constant',
        severity: 'info',
        column: c.name,
        count: c.count - top.count,
        share,
        // The dominant value is not echoed: it could be sensitive, and its share says enough.
        details: { dominantShare: share, distinct: c.distinct },
        message: `Column ${col(c.name)} has one value in ${formatShare(share)} of its filled rows; only ${formatShare(1 - share)} differ.`,
        advice: `Check whether the rare values matter (they may be errors or a rare but important case); otherwise the column adds little and can be dropped.`,
      });
    }
    return findings;
  },
};
