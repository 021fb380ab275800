/**
 * pii: columns holding personal data (email, phone, payment card, IBAN, IP address, US SSN).
 * Judged on the engine's bounded sample of distinct values, weighted by their counts. Findings
 * name the kind and the share, never the values.
 */
import { type CheckDefinition } from '../check-context';
import type { ColumnSummary, ValueCount } from '../check-input';
import type { Finding, Severity } from '../finding';
import { col, formatShare } from '../format';
import { PII_KINDS, PII_LABELS, type PiiKind, detectPii } from '../pii/detectors';

/** Numbers and dates cannot hold these formats; identifier columns can (an email used as a key). */
const TEXT_TYPES = new Set(['categorical', 'text', 'identifier']);

/**
 * Payment cards stored as numbers: whole numbers of 13-19 digits can be card numbers, and a
 * spreadsheet or database export often writes them that way. A random long number passes the
 * issuer-prefix and Luhn tests about one time in ten, so a numeric column counts only when most of
 * its sampled values are cards: an order-number column does not, a column of cards does.
 */
const NUMERIC_PII_KINDS: ReadonlySet<PiiKind> = new Set(['credit_card']);
export const NUMERIC_PII_MIN_SHARE = 0.5;

/** Financial and government identifiers are an error to train on; contact data a warning. */
const SEVERITY: Record<PiiKind, Severity> = {
  email: 'warning',
  phone: 'warning',
  ip_address: 'warning',
  credit_card: 'error',
  iban: 'error',
  us_ssn: 'error',
};

export interface PiiScan {
  kind: PiiKind;
  /** Weighted share of sampled cells containing this kind. */
  share: number;
  matchedDistinct: number;
}

/** Merge the column's bounded views of values (top values and the distinct sample). */
export function sampledValues(c: ColumnSummary): ValueCount[] {
  const byValue = new Map<string, number>();
  for (const v of [...c.topValues, ...c.distinctSample]) byValue.set(v.value, Math.max(byValue.get(v.value) ?? 0, v.count));
  return [...byValue].map(([value, count]) => ({ value, count }));
}

export function scanColumnForPii(values: readonly ValueCount[]): PiiScan[] {
  const total = values.reduce((s, v) => s + v.count, 0);
  if (total === 0) return [];
  const weight = new Map<PiiKind, number>();
  const distinct = new Map<PiiKind, number>();
  for (const v of values) {
    for (const kind of detectPii(v.value)) {
      weight.set(kind, (weight.get(kind) ?? 0) + v.count);
      distinct.set(kind, (distinct.get(kind) ?? 0) + 1);
    }
  }
  return PII_KINDS.filter((k) => weight.has(k)).map((kind) => ({
    kind,
    share: (weight.get(kind) ?? 0) / total,
    matchedDistinct: distinct.get(kind) ?? 0,
  }));
}

export const piiCheck: CheckDefinition = {
  id: 'pii',
  title: 'Personal data',
  about: 'Personal data (emails, phone, card or bank numbers, IP addresses, SSNs) that should not reach a model.',
  needs: 'dataset',
  run({ input, thresholds: t }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      const numeric = c.type === 'integer';
      if (!TEXT_TYPES.has(c.type) && !numeric) continue;
      const values = sampledValues(c);
      const sampled = values.reduce((s, v) => s + v.count, 0);
      for (const scan of scanColumnForPii(values)) {
        if (numeric && (!NUMERIC_PII_KINDS.has(scan.kind) || scan.share < NUMERIC_PII_MIN_SHARE)) continue;
        if (scan.share < t.piiMinShare) continue;
        const severity = SEVERITY[scan.kind];
        findings.push({
          id: 'pii',
          severity,
          column: c.name,
          count: Math.round(scan.share * c.count),
          share: scan.share,
          details: { kind: scan.kind, share: scan.share, sampledCells: sampled, matchedDistinctValues: scan.matchedDistinct, redacted: true },
          message: `Column ${col(c.name)} contains ${PII_LABELS[scan.kind]} in about ${formatShare(scan.share)} of its values (values not shown).`,
          advice:
            severity === 'error'
              ? `Remove or tokenise this column before the data is used or shared; financial and government identifiers should never reach a model.`
              : `Remove, hash or mask this column unless the model truly needs it, and check you are allowed to use this personal data.`,
        });
      }
    }
    return findings;
  },
};
