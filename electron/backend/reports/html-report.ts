/**
 * ONE self-contained HTML file for a check run: inline CSS, inline SVG histograms, no script and
 * no reference to anything outside the file, so it opens offline and can be mailed. It holds
 * summaries only (histograms, counts, top values), never rows; columns the pii check flagged show
 * no values, and finding details (which may quote values) are not printed, only message and advice.
 */
import type { CheckRun } from '../../../shared/contract/checks';
import type { ColumnProfile, DatasetProfile } from '../../../shared/contract/datasets';
import { formatPValue, formatShare, plural } from '../../../shared/quality/format';
import { NUMERIC_SAMPLE_CAP } from '../analysis/profile/column-accumulator';
import { escapeXml as e } from './escape';
import { histogramSvg, topValuesSvg } from './svg-charts';

export type ReportInput = Pick<
  CheckRun,
  'datasetName' | 'referenceName' | 'createdAt' | 'verdict' | 'summary' | 'findings' | 'profile' | 'referenceProfile' | 'drift' | 'options' | 'counts' | 'gateFailed' | 'notes'
> &
  Partial<Pick<CheckRun, 'overlap'>>;

const VERDICT_TEXT = { pass: 'PASS: no errors or warnings', warn: 'WARN: warnings, no errors', fail: 'FAIL: at least one error' } as const;
const METHOD: Record<string, string> = { ks: 'Kolmogorov-Smirnov', chi_square: 'chi-square', wasserstein_normed: 'Wasserstein (normed)', jensen_shannon: 'Jensen-Shannon' };
const EFFECT: Record<string, string> = { ks_d: 'KS D', cramers_v: "Cramér's V", wasserstein_normed: 'Wasserstein', jensen_shannon: 'JS distance' };
const SEVERITIES = [
  ['error', 'Errors', 'Fix these before you spend compute on this data.'],
  ['warning', 'Warnings', 'Review these; they can make results misleading.'],
  ['info', 'Notes', 'For reference; usually fine.'],
] as const;

export const CSS = `
:root{--fg:#1d232b;--muted:#5b6673;--bg:#fff;--card:#f5f7f9;--line:#d9dee4;--bar:#4a7bd0;--pass:#1f7a44;--warn:#9a6400;--fail:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ee;--muted:#9aa5b1;--bg:#15181c;--card:#1e2329;--line:#2e353d;--bar:#7aa2e8;--pass:#5cc98a;--warn:#e0a84a;--fail:#f08a82}}
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:1100px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:0 0 4px}
.muted{color:var(--muted)}.banner{border-radius:8px;padding:14px 16px;margin:16px 0;border:2px solid}.banner strong{font-size:18px;display:block}
.pass{border-color:var(--pass);color:var(--pass)}.warn{border-color:var(--warn);color:var(--warn)}.fail{border-color:var(--fail);color:var(--fail)}
.banner p{color:var(--fg);margin:6px 0 0}.finding{background:var(--card);border-left:4px solid var(--line);padding:8px 12px;margin:8px 0;border-radius:4px}
.finding.error{border-left-color:var(--fail)}.finding.warning{border-left-color:var(--warn)}.finding.info{border-left-color:var(--bar)}
.finding code{font-size:12px;color:var(--muted)}.advice{margin:4px 0 0}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card{background:var(--card);border-radius:6px;padding:10px 12px}dl{display:grid;grid-template-columns:auto 1fr;gap:0 12px;margin:6px 0;font-size:13px}dt{color:var(--muted)}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line)}
.chart{display:block;margin-top:6px}.note{font-size:12px;margin:4px 0 0}.chart rect{fill:var(--bar)}.chart text{fill:var(--muted);font-size:10px}
footer{margin-top:32px;font-size:12px;color:var(--muted)}`;

function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  // Counts and whole values read best in full ("1,000,000"), however large.
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString('en-US');
  return Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : Number(x.toFixed(digits)).toLocaleString('en-US');
}

/** "2025-01-01" for midnight UTC times, else "2025-01-01 13:45". */
function shortTime(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

function pct(part: number, whole: number): string {
  return whole > 0 ? formatShare(part / whole) : '0%';
}

const SAMPLED_HISTOGRAM = `<p class="muted note">Histogram shape from a random sample of ${num(NUMERIC_SAMPLE_CAP, 0)} values, scaled to all rows.</p>`;
const APPROX_TOP = 'Counts are approximate: too many different values to count each one exactly.';

function approxTop(c: ColumnProfile): string {
  const bound = c.topValuesMaxError === undefined ? '' : ` Each true count is between the count shown and ${num(c.topValuesMaxError, 0)} more.`;
  return `<p class="muted note">${APPROX_TOP}${bound}</p>`;
}

function column(c: ColumnProfile, rows: number): string {
  const facts: Array<[string, string]> = [
    ['type', c.type],
    ['missing', `${num(c.missing + c.disguisedMissing, 0)} (${pct(c.missing + c.disguisedMissing, rows)})`],
    ['distinct', `${c.distinctIsEstimate ? '≈ ' : ''}${num(c.distinct, 0)}`],
  ];
  const n = c.numeric;
  let chart: string;
  if (n && c.type === 'datetime' && c.timeRange) {
    facts.push(['range', `${shortTime(c.timeRange.min)} to ${shortTime(c.timeRange.max)}`]);
    chart = histogramSvg(n.histogram, `Histogram of ${c.name}`, true) + (n.quantilesAreEstimates ? SAMPLED_HISTOGRAM : '');
  } else if (n) {
    // min, max, mean and std are exact on any size; the median is from a sample on large columns.
    const median = n.quantilesAreEstimates ? `≈ ${num(n.quantiles.p50)} (estimated from a sample)` : num(n.quantiles.p50);
    facts.push(['min / max', `${num(n.min)} / ${num(n.max)}`], ['mean ± std', `${num(n.mean)} ± ${num(n.std)}`], ['median', median]);
    if (n.zeros > 0) facts.push(['zeros', num(n.zeros, 0)]);
    if (n.negatives > 0) facts.push(['negative', num(n.negatives, 0)]);
    chart = histogramSvg(n.histogram, `Histogram of ${c.name}`) + (n.quantilesAreEstimates ? SAMPLED_HISTOGRAM : '');
  } else if (c.redacted) {
    chart = '<p class="muted">Values not shown: this column holds personal data.</p>';
  } else if (c.type === 'identifier') {
    chart = '<p class="muted">A different value on (almost) every row, like an id.</p>';
  } else {
    if (c.textLength) facts.push(['length', `${num(c.textLength.min, 0)} to ${num(c.textLength.max, 0)} characters`]);
    chart = topValuesSvg(c.topValues, c.count, `Most frequent values of ${c.name}`);
    if (chart && c.topValuesAreEstimates) chart += approxTop(c);
  }
  const dl = facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('');
  return `<div class="card" id="col-${e(c.name)}"><h3>${e(c.name)}</h3><dl>${dl}</dl>${chart}</div>`;
}

function profileSection(title: string, p: DatasetProfile): string {
  return `<h2>${e(title)}</h2><p class="muted">${e(num(p.rows, 0))} rows × ${e(p.columns.length)} columns, ${e(num(p.duplicateRows, 0))} duplicate rows, ${e(p.format.toUpperCase())}${p.encoding ? `, ${e(p.encoding)}` : ''}.</p><div class="grid">${p.columns.map((c) => column(c, p.rows)).join('')}</div>`;
}

function driftSection(run: ReportInput): string {
  const d = run.drift;
  if (!d || d.columns.length === 0) return '';
  const rows = d.columns
    .map(
      (c) =>
        `<tr><td>${e(c.column)}</td><td>${e(METHOD[c.method] ?? c.method)}</td><td>${e(num(c.statistic, 3))}${c.sampled ? `<br><span class="muted note">on samples of ${e(num(c.sampled.reference, 0))} and ${e(num(c.sampled.current, 0))} values</span>` : ''}</td><td>${c.pValue === undefined ? '' : e(c.pValue < 1e-4 ? formatPValue(c.pValue) : num(c.pValue, 4))}</td><td>${e(`${EFFECT[c.effectSize.name] ?? c.effectSize.name} ${num(c.effectSize.value, 3)}`)}</td><td>${e(`${num(c.psi, 3)} (${c.psiBand})`)}</td><td>${c.drifted ? (c.negligible ? 'significant but negligible' : '<strong>drifted</strong>') : 'stable'}</td></tr>`,
    )
    .join('');
  return `<h2>Drift per column</h2><p class="muted">${e(d.driftedColumns)} of ${e(d.columns.length)} columns drifted${d.datasetDrift ? ': the dataset as a whole has drifted' : ''}. PSI below 0.1 is stable, 0.1 to 0.25 moderate, above 0.25 major.</p><table><thead><tr><th>column</th><th>test</th><th>statistic</th><th>p-value</th><th>effect size</th><th>PSI</th><th>result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Identical rows and, with an id column, shared ids: both, whether or not they reached a finding. */
function sharedSection(run: ReportInput): string {
  const o = run.overlap;
  if (!o || !run.referenceName) return '';
  const n = o.checkedRows;
  const rows = `<li>${e(num(o.sharedRows, 0))} of ${e(num(n, 0))} rows of ${e(run.datasetName)} (${pct(o.sharedRows, n)}) also appear whole in ${e(run.referenceName)}.</li>`;
  const ids = o.ids
    ? `<li>${e(num(o.ids.checkedRowsWithSharedId, 0))} rows (${pct(o.ids.checkedRowsWithSharedId, n)}) have a ${e(o.ids.column)} that ${e(run.referenceName)} also has: ${e(num(o.ids.sharedIds, 0))} values in both files.</li>`
    : '<li class="muted">No id column was named, so shared entities were not compared.</li>';
  return `<h2>What the two files share</h2><ul>${rows}${ids}</ul>`;
}

export function renderHtmlReport(run: ReportInput): string {
  const compared = run.referenceName ? ` compared with ${run.referenceName}` : '';
  const findings = SEVERITIES.map(([sev, title, meaning]) => {
    const list = run.findings.filter((f) => f.severity === sev);
    if (list.length === 0) return '';
    const items = list
      .map((f) => {
        const where = f.column ? ` · ${e(f.column)}` : f.columns?.length ? ` · ${e(f.columns.join(', '))}` : '';
        return `<div class="finding ${sev}"><code>${e(f.id)}${where}</code><div>${e(f.message)}</div><div class="advice"><strong>What to do:</strong> ${e(f.advice)}</div></div>`;
      })
      .join('');
    return `<h2>${title} (${list.length})</h2><p class="muted">${meaning}</p>${items}`;
  }).join('');
  const gate = `Gate: fail on ${run.options.failOn}; ${run.gateFailed ? 'this run fails the gate' : 'this run passes the gate'}.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Data check: ${e(run.datasetName)}</title><style>${CSS}</style></head><body>
<main>
<h1>Data check: ${e(run.datasetName)}${e(compared)}</h1>
<p class="muted">Checked ${e(run.createdAt.slice(0, 16).replace('T', ' '))} UTC · ${e(plural(run.profile.rows, 'row'))} × ${e(plural(run.profile.columns.length, 'column'))} · ${e(plural(run.counts.error, 'error'))}, ${e(plural(run.counts.warning, 'warning'))}, ${e(plural(run.counts.info, 'note'))}</p>
<div class="banner ${run.verdict}"><strong>${e(VERDICT_TEXT[run.verdict])}</strong><p>${e(run.summary)}</p><p class="muted">${e(gate)}</p></div>
${findings || '<h2>Findings</h2><p>No findings.</p>'}
${run.notes.length ? `<h2>Not covered (${run.notes.length})</h2><p class="muted">What the checks did not look at, so a pass is not read as more than it is.</p><ul>${run.notes.map((n) => `<li><code>${e(n.check)}</code> ${e(n.message)}</li>`).join('')}</ul>` : ''}
${sharedSection(run)}
${driftSection(run)}
${profileSection(`Columns of ${run.datasetName}`, run.profile)}
${run.referenceProfile && run.referenceName ? profileSection(`Columns of ${run.referenceName} (reference)`, run.referenceProfile) : ''}
</main>
<footer>Made by Tally on this computer, offline. This report holds summaries only (counts, histograms, most frequent values), never rows; values of columns that hold personal data are not shown.</footer>
</body></html>
`;
}
