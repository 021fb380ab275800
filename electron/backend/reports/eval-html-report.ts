/**
 * ONE self-contained HTML file for an evaluation: inline CSS and SVG, no script, nothing loaded
 * from outside, so it opens offline and can be mailed. Summaries only (metrics, matrices, curves,
 * slices), never rows; label issues list row numbers and labels, not the rows' other values.
 */
import type { EvaluationResult } from '../../../shared/contract/evaluation-result';
import { escapeXml as e } from './escape';
import { lineChartSvg } from './eval-svg';
import { CSS } from './html-report';
import { formatMicros, formatValue, METRIC_MEANINGS, metricName } from './metric-meanings';
import { histogramSvg } from './svg-charts';

const EXTRA_CSS = `.chart polyline.line{stroke:var(--bar);stroke-width:1.5}.chart polyline.line2{stroke:var(--warn);stroke-width:1.5}
.chart line.axis{stroke:var(--line)}.chart line.guide{stroke:var(--muted);stroke-dasharray:3 3}.chart line.mark{stroke:var(--fail);stroke-dasharray:2 2}
.charts{display:flex;flex-wrap:wrap;gap:16px}.num{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:var(--fail)}`;

function ci(r: EvaluationResult, k: string): string {
  const c = r.ci[k];
  return c ? `${formatValue(c.low)} – ${formatValue(c.high)}` : '';
}

function metricsTable(r: EvaluationResult): string {
  const rows = Object.entries(r.metrics)
    .map(([k, v]) => `<tr><td>${e(metricName(k))}</td><td class="num">${e(formatValue(v))}</td><td class="num">${e(ci(r, k))}</td><td class="num">${e(formatValue(r.baseline[k]))}</td><td class="muted">${e(v === null ? (r.reasons[k] ?? '') : (METRIC_MEANINGS[k]?.meaning ?? ''))}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>metric</th><th class="num">value</th><th class="num">95% interval</th><th class="num">baseline</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function confusion(r: EvaluationResult): string {
  if (!r.confusionMatrix) return '';
  const { labels, matrix } = r.confusionMatrix;
  const head = labels.map((l) => `<th class="num">${e(l)}</th>`).join('');
  const body = matrix.map((row, i) => `<tr><th>${e(labels[i])}</th>${row.map((x, j) => `<td class="num${i !== j && x > 0 ? ' bad' : ''}">${e(x.toLocaleString('en-US'))}</td>`).join('')}</tr>`).join('');
  return `<h2>Confusion matrix</h2><p class="muted">Rows: the true label; columns: what the model predicted. Off-diagonal cells are mistakes.</p><table><thead><tr><th>true \\ predicted</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function perClass(r: EvaluationResult): string {
  if (r.perClass.length === 0) return '';
  const body = r.perClass
    .map((c) => `<tr><td>${e(c.label)}</td><td class="num">${e(formatValue(c.precision))}</td><td class="num">${e(formatValue(c.recall))}</td><td class="num">${e(formatValue(c.f1))}</td><td class="num">${e(c.support.toLocaleString('en-US'))}</td><td class="num">${e(formatValue(c.rocAuc))}</td></tr>`)
    .join('');
  return `<h2>Per class</h2><table><thead><tr><th>class</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th><th class="num">support</th><th class="num">ROC AUC</th></tr></thead><tbody>${body}</tbody></table>`;
}

function curves(r: EvaluationResult): string {
  const charts: string[] = [];
  const { roc, pr, reliability } = r.curves;
  if (roc) charts.push(lineChartSvg([{ x: roc.fpr, y: roc.tpr }], { label: 'ROC curve', xLabel: 'false positive rate', yLabel: 'true positive rate', x: [0, 1], y: [0, 1], diagonal: true }));
  if (pr) charts.push(lineChartSvg([{ x: pr.recall, y: pr.precision }], { label: 'Precision-recall curve', xLabel: 'recall', yLabel: 'precision', x: [0, 1], y: [0, 1] }));
  if (reliability) charts.push(lineChartSvg([{ x: reliability.meanPredicted, y: reliability.fractionPositive }], { label: 'Reliability diagram', xLabel: 'predicted probability', yLabel: 'observed rate', x: [0, 1], y: [0, 1], diagonal: true }));
  if (r.residuals) charts.push(histogramSvg(r.residuals.histogram, 'Residuals (true minus predicted)'));
  if (charts.length === 0) return '';
  return `<h2>Curves</h2><p class="muted">ROC: the dashed diagonal is guessing. Reliability: points on the diagonal mean the probabilities can be taken at face value.</p><div class="charts">${charts.join('')}</div>`;
}

function slices(r: EvaluationResult): string {
  if (r.slices.length === 0) return '';
  const body = r.slices
    .map((s) => `<tr><td>${e(s.column)}</td><td>${e(s.value)}</td><td class="num">${e(s.n.toLocaleString('en-US'))}</td><td>${s.tooSmall ? 'too small to judge' : s.worse ? '<strong>worse</strong>' : ''}</td><td>${e(s.note ?? '')}</td></tr>`)
    .join('');
  return `<h2>Slices</h2><p class="muted">Worse slices first. A slice is worse when its 95% interval lies below the whole set's value.</p><table><thead><tr><th>column</th><th>value</th><th class="num">rows</th><th>verdict</th><th>what it means</th></tr></thead><tbody>${body}</tbody></table>`;
}

function threshold(r: EvaluationResult): string {
  const t = r.threshold;
  if (!t) return '';
  const mark = t.best?.threshold ?? t.atDefault.threshold ?? undefined;
  const series = [{ x: t.curve.thresholds, y: t.curve.precision }, { x: t.curve.thresholds, y: t.curve.recall, cls: 'line2' }];
  const chart = lineChartSvg(series, { label: 'Precision and recall by threshold', xLabel: 'threshold (blue: precision, orange: recall)', yLabel: 'precision / recall', y: [0, 1], ...(mark !== undefined ? { markX: mark } : {}) });
  const cost = t.curve.costPer1000Micros
    ? lineChartSvg([{ x: t.curve.thresholds, y: t.curve.costPer1000Micros.map((c) => c / 1e6) }], { label: 'Cost per 1,000 predictions by threshold', xLabel: 'threshold', yLabel: 'cost per 1,000', ...(mark !== undefined ? { markX: mark } : {}) })
    : '';
  const row = (label: string, p: NonNullable<typeof t.best>) =>
    `<tr><td>${e(label)}</td><td class="num">${e(p.threshold === null ? 'flag nothing' : formatValue(p.threshold))}</td><td class="num">${e(formatValue(p.precision))}</td><td class="num">${e(formatValue(p.recall))}</td><td class="num">${e(p.falsePositives.toLocaleString('en-US'))}</td><td class="num">${e(p.falseNegatives.toLocaleString('en-US'))}</td><td class="num">${e(formatMicros(p.costPer1000Micros))}</td></tr>`;
  const message = t.message ?? 'Give what a false positive and a false negative cost to find the cheapest threshold.';
  return `<h2>Threshold</h2><p>${e(message)}</p><div class="charts">${chart}${cost}</div><table><thead><tr><th>line drawn</th><th class="num">threshold</th><th class="num">precision</th><th class="num">recall</th><th class="num">false positives</th><th class="num">false negatives</th><th class="num">cost per 1,000</th></tr></thead><tbody>${row('used for the metrics', t.atDefault)}${t.best ? row('cheapest', t.best) : ''}</tbody></table>`;
}

function risks(r: EvaluationResult): string {
  const parts: string[] = [];
  if (r.labelIssues) {
    const rows = r.labelIssues.rows.slice(0, 20).map((x) => `<tr><td class="num">${e(x.row)}</td><td>${e(x.given)}</td><td class="num">${e(formatValue(x.givenProbability))}</td><td>${e(x.likely)}</td><td class="num">${e(formatValue(x.likelyProbability))}</td></tr>`).join('');
    parts.push(`<h2>Label issues (${e(r.labelIssues.total.toLocaleString('en-US'))})</h2><p>${e(r.labelIssues.message)}</p>${rows ? `<table><thead><tr><th class="num">row</th><th>given label</th><th class="num">its probability</th><th>likely label</th><th class="num">its probability</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`);
  }
  if (r.membershipInference) {
    const m = r.membershipInference;
    parts.push(`<h2>Privacy: membership inference</h2><p><strong>Advantage ${e(formatValue(m.advantage))}</strong>${m.ci ? ` (95% ${e(formatValue(m.ci.low))} – ${e(formatValue(m.ci.high))})` : ''}. ${e(m.message)}</p>`);
  }
  return parts.join('');
}

function gates(r: EvaluationResult): string {
  if (r.gates.length === 0) return '';
  const items = r.gates.map((g) => `<div class="finding ${g.passed === true ? 'info' : 'error'}"><code>${g.passed === true ? 'PASS' : 'FAIL'} · ${e(g.expression)}</code><div>${e(g.message)}</div></div>`).join('');
  return `<h2>Gates</h2>${items}`;
}

export function renderEvalHtml(fileName: string, r: EvaluationResult, createdAt: string): string {
  const failed = r.gates.some((g) => g.passed !== true);
  const banner = r.gates.length === 0 ? '' : `<div class="banner ${failed ? 'fail' : 'pass'}"><strong>${failed ? 'FAIL: a gate did not pass' : 'PASS: every gate passed'}</strong></div>`;
  const task = r.task === 'regression' ? 'regression' : `${r.task} classification`;
  const positive = r.positiveLabel !== null ? ` · positive class "${e(r.positiveLabel)}"` : '';
  const notes = r.warnings.length ? `<h2>Notes</h2>${r.warnings.map((w) => `<p class="muted">${e(w.message)}</p>`).join('')}` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Model evaluation: ${e(fileName)}</title><style>${CSS}${EXTRA_CSS}</style></head><body>
<main>
<h1>Model evaluation: ${e(fileName)}</h1>
<p class="muted">Evaluated ${e(createdAt.slice(0, 16).replace('T', ' '))} UTC · ${e(task)} · ${e(r.n.toLocaleString('en-US'))} rows${positive}</p>
${banner}
<h2>Metrics</h2><p class="muted">Baseline: ${r.task === 'regression' ? 'always predicting the mean' : 'always predicting the most frequent class'}. Intervals are 95%.</p>${metricsTable(r)}
${confusion(r)}${perClass(r)}${curves(r)}${slices(r)}${threshold(r)}${risks(r)}${gates(r)}${notes}
</main>
<footer>Made by Tally on this computer, offline. This report holds summaries only, never the rows of the file.</footer>
</body></html>
`;
}
