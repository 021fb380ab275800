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
import { col, formatNumber, formatShare, pValueWords } from '../format';

export interface GroupRepresentation {
  group: string;
  expectedShare: number;
  observedShare: number;
  observed: number;
  ratio: number;
}

const OTHER = '(other)';

/**
 * Observed counts per declared group; undefined when the column's counts are not all known.
 * Shares summing to less than 1 leave room for an "(other)" group; shares summing to 1 declare
 * the whole population, so rows with undeclared values are set aside (`undeclaredRows`) rather
 * than tested against an expected share of zero.
 */
export function observedGroups(
  c: ColumnSummary,
  shares: Record<string, number>,
): { groups: GroupRepresentation[]; total: number; undeclaredRows: number } | undefined {
  const counts = new Map(c.topValues.map((v) => [v.value, v.count]));
  const declared = Object.entries(shares).filter(([, s]) => Number.isFinite(s) && s > 0);
  const declaredTotal = declared.reduce((s, [, v]) => s + v, 0);
  if (declaredTotal <= 0 || c.count === 0) return undefined;
  // A declared group missing from an incomplete top list has an unknown count: we cannot judge.
  if (c.otherCount > 0 && declared.some(([g]) => !counts.has(g))) return undefined;
  const observedDeclared = declared.reduce((s, [g]) => s + (counts.get(g) ?? 0), 0);
  const withOther = declaredTotal < 1 - 1e-9;
  const norm = withOther ? 1 : declaredTotal;
  const entries: [string, number, number][] = declared.map(([g, s]) => [g, s / norm, counts.get(g) ?? 0]);
  if (withOther) entries.push([OTHER, 1 - declaredTotal, c.count - observedDeclared]);
  const total = withOther ? c.count : observedDeclared;
  const groups = entries.map(([group, expectedShare, observed]) => {
    const observedShare = total > 0 ? observed / total : 0;
    return { group, expectedShare, observedShare, observed, ratio: observedShare / expectedShare };
  });
  return { groups, total, undeclaredRows: withOther ? 0 : c.count - observedDeclared };
}

function noDeclaredGroupFinding(column: string, groups: string[]): Finding {
  return {
    id: 'representativeness',
    severity: 'error',
    column,
    count: groups.length,
    details: { groups, pValue: null },
    message: `Column ${col(column)} contains none of the ${groups.length} groups you declared (${groups.slice(0, 4).map((g) => `"${g}"`).join(', ')}).`,
    advice: `Check the spelling of the groups in the population file against the values in the data (case and spaces matter), or pick the right column.`,
  };
}

export const representativenessCheck: CheckDefinition = {
  id: 'representativeness',
  title: 'Representativeness',
  about: 'Groups present in different shares than in the population the model will serve.',
  needs: 'population',
  run({ input, thresholds: t, options }) {
    const findings: Finding[] = [];
    for (const [name, shares] of Object.entries(options.population ?? {})) {
      const c = input.columns.find((x) => x.name === name);
      if (!c) continue;
      const observed = observedGroups(c, shares);
      if (!observed) continue;
      const { groups, total, undeclaredRows } = observed;
      if (total === 0) {
        findings.push(noDeclaredGroupFinding(c.name, groups.map((g) => g.group)));
        continue;
      }
      const test = chiSquareGoodnessOfFit(
        groups.map((g) => g.observed),
        groups.map((g) => g.expectedShare * total),
      );
      const w = cohensW(test.statistic, total);
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
          undeclaredRows,
          groups: groups.map((g) => ({ ...g })),
        },
        message: `Column ${col(c.name)} does not match the population you declared: ${describe} (chi-square ${pValueWords(test.pValue)}, effect size w = ${formatNumber(w)}).`,
        advice: absent.length > 0
          ? `Collect data for the missing group(s) before training; a model cannot serve people it has never seen.`
          : `Collect more data for under-represented groups, or weight rows so each group counts in its population share, and report results per group.`,
      });
    }
    return findings;
  },
};
