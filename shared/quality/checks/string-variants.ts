/**
 * string_variants: values that differ only in case, spacing or punctuation ("OK", "ok.", " ok"),
 * which a model treats as different categories (Deepchecks StringMismatch).
 */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatShare, plural } from '../format';
import type { ValueCount } from '../check-input';
import { redact } from '../pii/detectors';

/** The form two variants share: lower case, letters and digits only (any script). */
export function variantKey(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface VariantGroup {
  key: string;
  variants: ValueCount[];
  count: number;
}

/** Groups of two or more distinct spellings sharing a key (empty keys are punctuation-only). */
export function findVariantGroups(values: readonly ValueCount[]): VariantGroup[] {
  const groups = new Map<string, ValueCount[]>();
  for (const v of values) {
    const key = variantKey(v.value);
    if (key === '') continue;
    const list = groups.get(key) ?? [];
    list.push(v);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => ({ key, variants: list, count: list.reduce((s, v) => s + v.count, 0) }))
    .sort((a, b) => b.count - a.count);
}

/** Text-like types only: numbers "1.0" vs "1" are the same value, not a spelling variant. */
const STRING_TYPES = new Set(['categorical', 'text', 'boolean']);

export const stringVariantsCheck: CheckDefinition = {
  id: 'string_variants',
  title: 'Spelling variants of the same value',
  about: 'The same category spelled in different ways is counted as different categories.',
  needs: 'dataset',
  run({ input }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      if (!STRING_TYPES.has(c.type)) continue;
      // Merge the two bounded views the engine gives us; the sample may repeat top values.
      const byValue = new Map<string, number>();
      for (const v of [...c.topValues, ...c.distinctSample]) byValue.set(v.value, Math.max(byValue.get(v.value) ?? 0, v.count));
      const groups = findVariantGroups([...byValue].map(([value, count]) => ({ value, count })));
      if (groups.length === 0) continue;
      // Cells that are not the most common spelling of their group would merge on cleaning.
      const affected = groups.reduce((s, g) => s + g.count - Math.max(...g.variants.map((v) => v.count)), 0);
      const share = c.count > 0 ? affected / c.count : 0;
      const example = groups[0].variants.slice(0, 4).map((v) => JSON.stringify(redact(v.value))).join(' vs ');
      findings.push({
        id: 'string_variants',
        severity: 'warning',
        column: c.name,
        count: affected,
        share,
        details: {
          groups: groups.slice(0, 20).map((g) => ({ variants: g.variants.map((v) => ({ value: redact(v.value), count: v.count })) })),
          groupCount: groups.length,
        },
        message: `Column ${col(c.name)} spells the same value in different ways (${example}; ${plural(groups.length, 'group')}), affecting ${plural(affected, 'row')} (${formatShare(share)}). A model sees them as different categories.`,
        advice: `Normalise the spelling (trim spaces, one case, no trailing punctuation) when loading the data.`,
      });
    }
    return findings;
  },
};
