import type { ReactNode } from 'react';
import type { DeploymentComparison, Workload } from '../../../../../shared/contract/estimate';
import { CostRangeBarChart } from '../../../charts/plan/CostRangeBarChart';
import { CostVolumeLineChart } from '../../../charts/plan/CostVolumeLineChart';
import { breakEvenMarks, costBars, volumeSeries } from '../../../charts/plan/plan-chart-data';
import { planMoney, recommendationIn, type PlanMoney } from '../../../../../shared/budget/plan-money';
import type { MonthlyBudget } from '../../../../../shared/contract/scenarios';
import { dollarsToProjectCents } from '../../../../../shared/domain/currency';
import { AssumptionList } from '../parts/AssumptionList';
import { BestGuessNote } from '../parts/BestGuessNote';
import type { PlanCurrency } from '../parts/plan-currency';
import { Term, TERMS } from '../../../components/Term';
import { countOf, waitText } from '../../../../../shared/domain/plain-words';
import { priceAgeText } from '../training/training-result';
import { pickedCostLine } from './cloud-answer';

const SHORT: Record<string, string> = { api: 'Cloud AI service', 'cloud-gpu': 'Rented cloud GPU', owned: 'Your own device' };

/** "A", "A and B", "A, B and C". */
function listWords(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The answer held against the monthly budget, in the project's currency: what the pick costs and
 * which allowed options stay under the budget even in the high case. Null without a budget, or
 * when the figures could not be converted into the budget's currency.
 */
function budgetView(result: DeploymentComparison, monthlyBudget: MonthlyBudget | null, pc: PlanCurrency): { money: PlanMoney; under: string[] } | null {
  const ys = pc.yardsticks ?? { currency: 'USD', usdRate: 1, usdRateAsOf: null, budgetCents: null, monthlyCapCents: null };
  const money = planMoney({ kind: 'deployment', result, monthlyBudget }, ys);
  if (money.cap === null || money.summary === null) return null;
  const cap = money.cap.cents;
  const under = result.options.filter((o) => o.allowedBySensitivity && (dollarsToProjectCents(o.monthlyCostUsd.p90, ys) ?? Infinity) <= cap).map((o) => SHORT[o.option] ?? o.option);
  return { money, under };
}

/** What the purchase of the own device adds, under its row: the upfront price and over how long it is paid off. */
function purchaseWords(o: DeploymentComparison['options'][number], result: DeploymentComparison, months: number, money: (usd: number) => string): string | null {
  if (o.option !== 'owned') return null;
  if (o.upfrontUsd <= 0) return 'Already paid for: only its electricity counts.';
  const life = result.assumptions.lifeMonths?.value;
  const over = typeof life === 'number' ? Math.min(life, months) : months;
  return `${money(o.upfrontUsd)} to buy ${countOf(o.devices, 'device')} up front, paid off over ${countOf(over, 'month')}`;
}

function privacyWords(o: DeploymentComparison['options'][number]): string {
  if (!o.dataLeavesMachine) return 'Stays on your premises';
  return o.dataGoesToThirdParty ? 'Sent to the AI company' : 'Sent to a cloud machine you rent';
}

/**
 * The answer to "Cloud or your own hardware?", laid out; every figure comes from the comparison.
 * Costs are each option's best guess (the P50 of its range), written as the saved plan writes
 * them; a price the owner typed (the device's purchase) is written exactly.
 */
export function CloudResult({ result, workload, monthlyBudget, currency: pc, today, actions }: { result: DeploymentComparison; workload: Workload; monthlyBudget: MonthlyBudget | null; currency: PlanCurrency; today: string; actions: ReactNode }) {
  const labels = SHORT;
  const money = pc.money;
  const estimate = pc.approx;
  const costLine = pickedCostLine(result, workload.months, pc);
  const inCurrency = (m: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === undefined ? v : pc.fromUsd(v)]));
  // The owner thinks in requests a month (like a bill); the estimator works per day.
  const perMonth = result.requestsPerMonth / result.requestsPerDay;
  const series = volumeSeries(result.costVsVolume.map((p) => ({ requestsPerDay: p.requestsPerDay * perMonth, monthlyCostUsd: inCurrency(p.monthlyCostUsd) })), labels);
  const marks = breakEvenMarks(result.breakEven.map((b) => ({ ...b, requestsPerDay: b.requestsPerDay === null ? null : b.requestsPerDay * perMonth })), series, labels);
  const best = result.options.find((o) => o.option === result.recommendation.option);
  // The estimator's sentences name dollars; in another currency they are re-worded from the same figures.
  const rec = (pc.yardsticks && !pc.missingRate && recommendationIn(result, workload, pc.yardsticks)) || result.recommendation;
  const budget = budgetView(result, monthlyBudget, pc);
  const cloudPriceAge = priceAgeText(result.assumptions.cloudUsdPerGpuHour, today);
  return (
    <section className="page plan-result" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">Cloud or your own hardware? · The answer</p>
          <h1 id="result-title">{best ? `Our pick: ${best.label}` : 'No option fits your data rules'}</h1>
          {costLine && <p className="muted">{costLine}</p>}
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      {(result.warnings ?? []).map((w) => (
        <div key={w} className="banner banner--warn" role="status">
          <strong>Check this:</strong> {w}
        </div>
      ))}
      <div className="card plan-recommendation" role="status">
        <p className="plan-recommendation__sentence">{rec.sentence}</p>
        <p className="muted plan-small">
          For {Math.round(workload.requestsPerDay).toLocaleString('en-US')} requests a day (about {Math.round(result.requestsPerMonth).toLocaleString('en-US')} a month) over {workload.months} months.
        </p>
      </div>
      {pc.missingRate && <div className="banner banner--warn">{pc.missingRate}</div>}
      {budget && best && (
        <div className={`banner ${budget.money.capStatus === 'within' ? 'banner--ok' : 'banner--warn'}`} role="status" aria-label="Against your budget">
          {SHORT[best.option] ?? best.label}: {budget.money.summary}.{' '}
          {budget.under.length ? `${listWords(budget.under)} stay${budget.under.length === 1 ? 's' : ''} under it even in the high case.` : 'No allowed option stays under it in the high case.'}
        </div>
      )}
      <BestGuessNote />
      {pc.rateNote && <p className="muted plan-small">Amounts in {pc.currency}, converted from the catalog&apos;s US dollar prices {pc.rateNote}.</p>}
      <div className="plan-result__charts">
        <div className="card">
          <h2>
            Monthly cost of each option <Term explain={TERMS.p10p90}>(with likely range)</Term>
          </h2>
          <CostRangeBarChart
            data={costBars(result.options.map((o) => ({ option: o.option, shortLabel: SHORT[o.option] ?? o.option, monthlyCostUsd: { p10: pc.fromUsd(o.monthlyCostUsd.p10), p50: pc.fromUsd(o.monthlyCostUsd.p50), p90: pc.fromUsd(o.monthlyCostUsd.p90) } })))}
            budgetUsd={budget ? budget.money.cap!.cents / 100 : null}
            currency={pc.currency}
            title="Monthly cost per option"
          />
        </div>
        <div className="card">
          <h2>
            Cost as use grows <Term explain={TERMS.breakEven}>(break-even)</Term>
          </h2>
          <CostVolumeLineChart series={series} marks={marks} planned={result.requestsPerMonth} unit="month" currency={pc.currency} title="Monthly cost against requests per month" />
        </div>
      </div>
      <div className="card">
        <h2>Speed and privacy of each option</h2>
        <table className="plan-table" aria-label="Options compared">
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">Per month</th>
              <th scope="col">Per 1,000 requests</th>
              <th scope="col">
                Answer time <Term explain={TERMS.latency} about="answer time" />
              </th>
              <th scope="col">Your data</th>
              <th scope="col">Allowed for your data?</th>
            </tr>
          </thead>
          <tbody>
            {result.options.map((o) => (
              <tr key={o.option} className={o === best ? 'plan-is-picked' : ''}>
                <th scope="row">
                  {o.label}
                  {o.option === 'owned' && (
                    <div className="muted plan-small">
                      {purchaseWords(o, result, workload.months, money)} {o.upfrontUsd > 0 && <Term explain={TERMS.amortised} about="paid off" />}
                    </div>
                  )}
                  {o.option === 'cloud-gpu' && cloudPriceAge && <div className="muted plan-small">Priced {cloudPriceAge}</div>}
                  {o.notes.map((n) => (
                    <div key={n} className="muted plan-small">
                      {n}
                    </div>
                  ))}
                </th>
                <td className="plan-num">
                  {estimate(o.monthlyCostUsd.p50)}
                  {pc.approxRange(o.monthlyCostUsd.p10, o.monthlyCostUsd.p90) && <div className="muted plan-small">likely {pc.approxRange(o.monthlyCostUsd.p10, o.monthlyCostUsd.p90)}</div>}
                </td>
                <td className="plan-num">{estimate(o.costPerRequestUsd.p50 * 1000)}</td>
                <td className="plan-num">
                  {waitText(o.latencyMs.p50)}
                  {o.meetsLatencyTarget !== null && <div className={`plan-small ${o.meetsLatencyTarget ? 'plan-ok' : 'plan-warn'}`}>{o.meetsLatencyTarget ? 'fast enough' : 'too slow'}</div>}
                </td>
                <td>{privacyWords(o)}</td>
                <td>{o.allowedBySensitivity ? <span className="badge badge--ok">Yes</span> : <span className="badge badge--error">No</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>
          What would change the answer <Term explain={TERMS.sensitivity} about="what would change the answer" />
        </h2>
        {rec.whatWouldChange.length ? (
          <ul className="plan-change-list">
            {rec.whatWouldChange.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing within the likely ranges of the inputs changes the answer.</p>
        )}
      </div>
      <AssumptionList assumptions={result.assumptions} today={today} currency={pc} />
    </section>
  );
}
