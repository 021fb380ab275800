/** mixed_types: a column whose values are partly numbers, partly text (or dates, or booleans). */
import type { TypeVotes } from '../check-input';
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatShare, plural } from '../format';

type Kind = 'number' | 'date' | 'text';

/**
 * Integers inside a float column are not a mix, so both vote for "number". Boolean words
 * ("yes", "false") count as text: a category column with "yes", "no" and "maybe" is not mixed
 * (Deepchecks MixedDataTypes likewise only weighs numbers against strings; we add dates).
 */
export function kindCounts(votes: TypeVotes): Record<Kind, number> {
  return { number: votes.integer + votes.float, date: votes.datetime, text: votes.text + votes.boolean };
}

export const mixedTypesCheck: CheckDefinition = {
  id: 'mixed_types',
  title: 'Mixed value types',
  about: 'Numbers, text or dates mixed in one column usually mean a data-entry or export problem.',
  needs: 'dataset',
  run({ input, thresholds: t }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      const counts = kindCounts(c.typeVotes);
      const total = Object.values(counts).reduce((s, v) => s + v, 0);
      if (total === 0) continue;
      const ranked = (Object.entries(counts) as [Kind, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      if (ranked.length < 2) continue;
      const [mainKind] = ranked[0];
      const minority = total - ranked[0][1];
      const share = minority / total;
      if (share < t.mixedTypesMinShare) continue;
      const others = ranked.slice(1).map(([k, n]) => `${plural(n, k === 'text' ? 'text value' : `${k} value`)}`).join(', ');
      findings.push({
        id: 'mixed_types',
        severity: 'warning',
        column: c.name,
        count: minority,
        share,
        details: { kinds: counts, mainKind },
        message: `Column ${col(c.name)} mixes kinds of values: mostly ${mainKind === 'text' ? 'text' : `${mainKind}s`}, but ${others} (${formatShare(share)}). Tools will read the whole column as text or drop those rows.`,
        advice: `Find where the odd values come from (a unit typed into the cell, a comment, a different export format) and clean them at the source or when loading.`,
      });
    }
    return findings;
  },
};
