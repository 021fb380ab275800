/**
 * representativeness: do the groups of a column (region, age band ...) appear in the data in the
 * shares the population has? A chi-square goodness-of-fit test gives the p-value, Cohen's w the
 * effect size (so a million rows do not flag a 0.5-point difference), and each group's
 * observed/expected ratio outside [0.8, 1.25] (the four-fifths rule) names who is under- or
 * over-represented.
 */
import { chiSquareGoodnessOfFit, cohensW } from '../../evaluation/stats';
import type { ColumnSummary } from '../check-input';
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatNumber, formatShare } from '../format';

export interface GroupRepresentation {
  group: string;
  expectedShare: number;
  observedShare: number;
  observed: number;
  ratio: number;
}

const OTHER = '(other)';

/** Observed counts per declared group; undefined when the column's counts are not all known. */
export function observedGroups(c: ColumnSummary, shares: Record<string, number>): { groups: GroupRepresentation[]; total: number } | undefined {
  const counts = new Map(c.topValues.map((v) => [v.value, v.count]));
  const declared = Object.entries(shares).filter(([, s]) => s > 0);
  const declaredTotal = declared.reduce((s, [, v]) => s + v, 0);
  if (declaredTotal <= 0 || c.count === 0) return undefined;
  // A declared group missing from an incomplete top list has an unknown count: we cannot judge.
  if (c.otherCount > 0 && declared.some(([g]) => !counts.has(g))) return undefined;
  const entries: [string, number][] = declared.map(([g, s]) => [g, s / Math.max(1, declaredTotal)]);
  const observedDeclared = declared.reduce((s, [g]) => s + (counts.get(g) ?? 0), 0);
  const restShare = Math.max(0, 1 - declaredTotal);
  if (restShare > 1e-9 || observedDeclared < c.count) entries.push([OTHER, restShare]);
  const total = c.count;
  const groups = entries.map(([group, expectedShare]) => {
    const observed = group === OTHER ? total - observedDeclared : (counts.get(group) ?? 0);
    const observedShare = observed / total;
    return { group, expectedShare, observedShare, observed, ratio: expectedShare > 0 ? observedShare / expectedShare : Infinity };
  });
  return { groups, total };
}

export const representativenessCheck: CheckDefinition = {
  id: 'representativeness',
  title: 'Representativeness',
  needs: 'population',
  run({ input, thresholds: t, options }) {
    const findings: Finding[] = [];
    for (const [name, shares] of Object.entries(options.population ?? {})) {
      const c = input.columns.find((x) => x.name === name);
      if (!c) continue;
      const observed = observedGroups(c, shares);
      if (!observed) continue;
      const { groups, total } = observed;
      const test = chiSquareGoodnessOfFit(
        groups.map((g) => g.observed),
        groups.map((g) => g.expectedShare * total),
      );
      const w = cohensW(Number.isFinite(test.statistic) ? test.statistic : Number.MAX_VALUE, total);
      const off = groups.filter((g) => g.group !== OTHER && (g.ratio < t.representationRatioLow || g.ratio > t.representationRatioHigh));
      const absent = groups.filter((g) => g.group !== OTHER && g.observed === 0);
      if (test.pValue >= t.representativenessPValue || w < t.representativenessMinEffect || off.length === 0) continue;
      const describe = off
        .slice(0, 3)
        .map((g) => `"${g.group}" is ${formatShare(g.observedShare)} of rows but ${formatShare(g.expectedShare)} of the population`)
        .join('; ');
      findings.push({
        id: 'representativeness',
        severity: absent.length > 0 ? 'error' : 'warning',
        column: c.name,
        count: off.length,
        details: {
          chiSquare: test.statistic,
          df: test.df,
          pValue: test.pValue,
          cohensW: w,
          groups: groups.map((g) => ({ ...g, ratio: Number.isFinite(g.ratio) ? g.ratio : null })),
        },
        message: `Column ${col(c.name)} does not match the population you declared: ${describe} (chi-square p = ${formatNumber(test.pValue)}, effect size w = ${formatNumber(w)}).`,
        advice: absent.length > 0
          ? `Collect data for the missing group(s) before training; a model cannot serve people it has never seen.`
          : `Collect more data for under-represented groups, or weight rows so each group counts in its population share, and report results per group.`,
      });
    }
    return findings;
  },
};
