import { formatCents, formatCentsRange, formatShare } from '../../../../shared/budget/spend';
import { dayLabel } from '../../../../shared/budget/spend/spend-dates';
import type { BudgetReport } from '../../../../shared/contract/budget';
import { safeText } from '../terminal-text';

/**
 * `tally budget status` output. Text: a short readable summary per project in its own currency
 * (the same money format as the app's budget page). JSON: the figures a CI job gates on, one
 * object per project; the forecasts' sentences come along so a log reads on its own.
 */
export function budgetJson(r: BudgetReport) {
  const s = r.status;
  const rate = r.runout.rate;
  return {
    project: r.projectName,
    projectId: r.projectId,
    currency: r.currency,
    exchangeRate: r.exchangeRate,
    today: r.today,
    budgetCents: s.budgetCents,
    spentCents: s.spentCents,
    committedCents: s.committed.totalCents,
    committed: s.committed,
    remainingCents: s.remainingCents,
    shareSpent: s.shareSpent,
    month: { month: s.month.month, spentCents: s.month.spentCents, capCents: s.month.capCents, shareOfCap: s.month.shareOfCap },
    burnRate: rate === null ? null : { perDayCents: rate.perDayCents, lowPerDayCents: rate.lowPerDayCents, highPerDayCents: rate.highPerDayCents, from: rate.from, to: rate.to, days: rate.days },
    forecast: { status: r.runout.status, date: r.runout.date, earliest: r.runout.range.earliest, latest: r.runout.range.latest, message: r.runout.message },
    monthEnd: { status: r.monthEnd.status, cents: r.monthEnd.cents, lowCents: r.monthEnd.lowCents, highCents: r.monthEnd.highCents, message: r.monthEnd.message },
    alerts: r.alerts,
    capExceeded: r.capExceeded,
    notCounted: r.notCounted,
  };
}

function line(label: string, value: string): string {
  return `  ${label.padEnd(12)}${value}`;
}

export function budgetText(r: BudgetReport): string {
  const s = r.status;
  const money = (c: number) => formatCents(c, r.currency);
  const c = s.committed;
  const rate = r.runout.rate;
  const out = [`${safeText(r.projectName)} (${r.currency}), on ${dayLabel(r.today)}`];
  // Run costs and plans priced in dollars were converted: say at which rate, of which day, set by whom.
  if (r.exchangeRate) out.push(`  ${safeText(r.exchangeRate.sentence)}`);
  out.push(line('Budget', s.budgetCents === null ? 'not set' : money(s.budgetCents)));
  out.push(line('Spent', `${money(s.spentCents)}${s.shareSpent === null ? '' : ` (${formatShare(s.shareSpent)} of the budget)`}`));
  const parts = [c.runningSoFarCents + c.toFinishCents > 0 ? `running runs ${money(c.runningSoFarCents + c.toFinishCents)}` : '', c.scheduledCents !== 0 ? `dated after today ${money(c.scheduledCents)}` : ''].filter(Boolean);
  out.push(line('Committed', `${money(c.totalCents)}${parts.length ? ` (${parts.join(', ')})` : ''}`));
  out.push(line('Remaining', s.remainingCents === null ? '-' : s.remainingCents < 0 ? `${money(-s.remainingCents)} over` : money(s.remainingCents)));
  out.push(line('This month', s.month.capCents === null ? `${money(s.month.spentCents)} (no monthly cap)` : `${money(s.month.spentCents)} of the ${money(s.month.capCents)} cap${s.month.shareOfCap === null ? '' : ` (${formatShare(s.month.shareOfCap)})`}`));
  out.push(line('Burn rate', rate === null ? 'no spend yet' : `${money(Math.round(rate.perDayCents))} a day over the last ${rate.days} ${rate.days === 1 ? 'day' : 'days'} (likely ${formatCentsRange(Math.round(rate.lowPerDayCents), Math.round(rate.highPerDayCents), r.currency)})`));
  const { date, range } = r.runout;
  const when = date === null ? '-' : `${dayLabel(date)}${range.earliest && range.latest && range.earliest !== range.latest ? ` (between ${dayLabel(range.earliest)} and ${dayLabel(range.latest)})` : range.earliest && !range.latest ? ` (from ${dayLabel(range.earliest)})` : ''}`;
  out.push(line('Runs out', r.runout.status === 'runs-out' || r.runout.status === 'after-end' ? when : r.runout.status === 'exceeded' ? 'already' : '-'));
  out.push('', `  ${r.runout.message}`, `  ${r.monthEnd.message}`);
  if (r.alerts.length > 0) out.push('', '  Alerts:', ...r.alerts.map((a) => `    ${a.severity === 'error' ? 'ERROR' : 'warning'}: ${a.message}`));
  else out.push('', '  No alerts.');
  if (r.notCounted.message) {
    out.push('', `  ${r.notCounted.message}`);
    for (const x of r.notCounted.runs) out.push(`    run ${safeText(x.runName)} (${safeText(x.experimentName)}): ${safeText(x.reason)}`);
    for (const x of r.notCounted.entries) out.push(`    entry ${x.date} ${(x.amountCents / 100).toFixed(2)} ${x.currency} ${safeText(x.description)}: ${x.reason}`);
  }
  return out.join('\n');
}
