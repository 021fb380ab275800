/**
 * The human output of `tally eval`: what was evaluated, every metric with its 95% interval, the
 * baseline and a one-line meaning, the confusion matrix and per-class table, slices (worse first),
 * the threshold tool, label issues, membership inference, gates, and what could not be computed.
 */
import type { EvaluationResult } from '../../../shared/contract/evaluation-result';
import { formatMicros, formatValue, METRIC_MEANINGS, metricName } from './metric-meanings';
import { wrap } from './text-report';

function table(headers: string[], rows: string[][], right: Set<number> = new Set()): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function interval(ci: EvaluationResult['ci'][string] | undefined): string {
  return ci ? `${formatValue(ci.low)}–${formatValue(ci.high)}` : '';
}

export function renderEvalText(fileName: string, r: EvaluationResult, width = 100): string {
  const what = r.task === 'regression' ? 'regression' : `${r.task} classification`;
  const out: string[] = [`${fileName}: ${what}, ${r.n.toLocaleString('en-US')} rows${r.weightTotal !== r.n ? ` (total weight ${formatValue(r.weightTotal)})` : ''}`];
  if (r.taskReason !== 'given') out.push(wrap(`Task ${r.taskReason}.`, width, '  '));
  if (r.positiveLabel !== null) out.push(wrap(`Positive class "${r.positiveLabel}"${r.positiveLabelReason && r.positiveLabelReason !== 'given' ? `: ${r.positiveLabelReason}` : ''}.`, width, '  '));
  if (r.decisionThreshold !== null) out.push(`  A row counts as predicted positive when its score is >= ${r.decisionThreshold}.`);

  out.push('', 'Metrics');
  const rows = Object.entries(r.metrics).map(([k, v]) => [metricName(k), formatValue(v), interval(r.ci[k]), formatValue(r.baseline[k]), METRIC_MEANINGS[k]?.meaning ?? '']);
  out.push(...table(['metric', 'value', '95% interval', 'baseline', 'meaning'], rows, new Set([1, 3])).map((l) => `  ${l}`));
  out.push(`  Baseline: ${r.task === 'regression' ? 'always predicting the mean' : 'always predicting the most frequent class, with its share as the probability'}.`);
  const nulls = Object.entries(r.reasons).filter(([k]) => !k.startsWith('baseline.'));
  for (const [k, why] of nulls) out.push(wrap(`${metricName(k)} is n/a: ${why}`, width, '  '));

  if (r.confusionMatrix) {
    const { labels, matrix } = r.confusionMatrix;
    out.push('', 'Confusion matrix (rows: true label, columns: predicted)');
    out.push(...table(['', ...labels], matrix.map((row, i) => [labels[i]!, ...row.map((x) => x.toLocaleString('en-US'))]), new Set(labels.map((_, i) => i + 1))).map((l) => `  ${l}`));
  }
  if (r.perClass.length > 0) {
    out.push('', 'Per class');
    const rows2 = r.perClass.map((c) => [c.label, formatValue(c.precision), formatValue(c.recall), formatValue(c.f1), c.support.toLocaleString('en-US'), formatValue(c.rocAuc)]);
    out.push(...table(['class', 'precision', 'recall', 'F1', 'support', 'ROC AUC'], rows2, new Set([1, 2, 3, 4, 5])).map((l) => `  ${l}`));
  }
  if (r.residuals) {
    const q = r.residuals.quantiles;
    out.push('', `Residuals (true - predicted): mean ${formatValue(r.residuals.mean)}, median ${formatValue(q[3])}, 5%-95% ${formatValue(q[1])} to ${formatValue(q[5])}`);
  }
  if (r.slices.length > 0) {
    out.push('', 'Slices (worse first)');
    for (const s of r.slices.slice(0, 30)) {
      const flag = s.tooSmall ? ' (too small to judge)' : s.worse ? ' (worse)' : '';
      out.push(`  ${s.column}: ${s.value}, ${s.n.toLocaleString('en-US')} rows${flag}`);
      if (s.note) out.push(wrap(s.note, width, '    '));
    }
    if (r.slices.length > 30) out.push(`  ... and ${r.slices.length - 30} more slices (--json lists them all)`);
  }
  if (r.threshold) {
    const t = r.threshold;
    const at = (label: string, p: NonNullable<typeof t.best>) =>
      `  ${label} ${p.threshold === null ? 'flag nothing' : formatValue(p.threshold)}: precision ${formatValue(p.precision)}, recall ${formatValue(p.recall)}, ${p.falsePositives.toLocaleString('en-US')} false positives, ${p.falseNegatives.toLocaleString('en-US')} false negatives${p.costPer1000Micros !== null ? `, cost per 1,000 predictions ${formatMicros(p.costPer1000Micros)}` : ''}`;
    out.push('', 'Threshold');
    if (t.message) out.push(wrap(t.message, width, '  '));
    out.push(at('at', t.atDefault));
    if (t.best) out.push(at('cheapest', t.best));
    else out.push('  Give what a false positive and a false negative cost (--cost-fp, --cost-fn) to find the cheapest threshold.');
  }
  if (r.labelIssues) {
    out.push('', `Label issues: ${r.labelIssues.total.toLocaleString('en-US')} rows`, wrap(r.labelIssues.message, width, '  '));
    for (const row of r.labelIssues.rows.slice(0, 10)) out.push(`  row ${row.row}: labelled "${row.given}" (p ${formatValue(row.givenProbability)}), probably "${row.likely}" (p ${formatValue(row.likelyProbability)})`);
  }
  if (r.membershipInference) {
    const m = r.membershipInference;
    out.push('', `Privacy (membership inference): advantage ${formatValue(m.advantage)}${m.ci ? ` (${interval(m.ci)})` : ''}`, wrap(m.message, width, '  '));
  }
  if (r.gates.length > 0) {
    out.push('', 'Gates');
    for (const g of r.gates) out.push(wrap(`${g.passed === true ? 'PASS' : 'FAIL'}  ${g.expression}: ${g.message}`, width, '  '));
  }
  if (r.warnings.length > 0) {
    out.push('', 'Notes');
    for (const w of r.warnings) out.push(`  - ${wrap(w.message, width, '    ').trimStart()}`);
  }
  return out.join('\n');
}
