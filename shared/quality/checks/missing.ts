/** missing_values and disguised_missing: empty cells and placeholders such as "NA" or "?". */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatShare, plural } from '../format';

export const missingValuesCheck: CheckDefinition = {
  id: 'missing_values',
  title: 'Missing values',
  about: 'Empty cells: models drop or guess them, silently and differently.',
  needs: 'dataset',
  run({ input, thresholds: t, options }) {
    const findings: Finding[] = [];
    const target = options.target ?? input.target?.column;
    for (const c of input.columns) {
      // Disguised placeholders are missing too; they are counted here and explained separately.
      const count = c.missing + c.disguisedMissing;
      if (count === 0 || input.rows === 0) continue;
      const share = count / input.rows;
      const mostlyEmpty = share >= t.missingErrorShare;
      const severity = mostlyEmpty && c.name === target ? 'error' : share >= t.missingWarningShare ? 'warning' : 'info';
      findings.push({
        id: 'missing_values',
        severity,
        column: c.name,
        count,
        share,
        details: { missing: c.missing, disguisedMissing: c.disguisedMissing, rows: input.rows },
        message: `Column ${col(c.name)} has no value in ${plural(count, 'row')} (${formatShare(share)} of ${formatCount(input.rows)}).`,
        advice:
          c.name === target
            ? `Rows without a label cannot be learnt from or scored: label them, or leave them out knowingly and check the rest still represents the data.`
            : mostlyEmpty
            ? `Most of ${col(c.name)} is empty: drop the column, or find out why it is missing before training on it.`
            : `Decide how to fill the gaps (a default, the median, a "missing" flag) or check why they are missing; models treat gaps differently and silently.`,
      });
    }
    return findings;
  },
};

export const disguisedMissingCheck: CheckDefinition = {
  id: 'disguised_missing',
  title: 'Disguised missing values',
  about: 'Text such as "NA" or "?" standing in for an empty cell, which a model reads as a real value.',
  needs: 'dataset',
  run({ input, thresholds: t, note }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      for (const v of c.placeholderValues ?? []) {
        const share = c.count > 0 ? v.count / c.count : 0;
        note('disguised_missing', `Column ${col(c.name)}: "${v.value}" is read as a category, not as a missing value: it is one of the column's answers (${plural(v.count, 'row')}, ${formatShare(share)} of its values).`);
      }
      if (c.disguisedMissing === 0 || input.rows === 0) continue;
      const share = c.disguisedMissing / input.rows;
      if (share < t.disguisedMissingMinShare) continue;
      const tokens = c.disguisedTokens.map((v) => v.value);
      const shown = tokens.slice(0, 5).map((v) => `"${v}"`).join(', ');
      findings.push({
        id: 'disguised_missing',
        severity: 'warning',
        column: c.name,
        count: c.disguisedMissing,
        share,
        details: { tokens: c.disguisedTokens.map((v) => ({ value: v.value, count: v.count })) },
        message: `Column ${col(c.name)} uses placeholder text instead of leaving cells empty: ${shown} in ${plural(c.disguisedMissing, 'row')} (${formatShare(share)}). A model would read them as real values.`,
        advice: `Convert these placeholders to real missing values when loading the data (e.g. pandas na_values), then decide how to handle the gaps.`,
      });
    }
    return findings;
  },
};
