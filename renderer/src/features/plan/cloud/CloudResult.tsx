import type { ReactNode } from 'react';
import type { DeploymentComparison, Workload } from '../../../../../shared/contract/estimate';
import { CostRangeBarChart } from '../../../charts/plan/CostRangeBarChart';
import { CostVolumeLineChart } from '../../../charts/plan/CostVolumeLineChart';
import { breakEvenMarks, costBars, volumeSeries } from '../../../charts/plan/plan-chart-data';
import { AssumptionList } from '../parts/AssumptionList';
import { Term, TERMS } from '../parts/Term';
import { priceAgeText, usd } from '../training/training-result';

const SHORT: Record<string, string> = { api: 'Cloud AI service', 'cloud-gpu': 'Rented cloud GPU', owned: 'Your own device' };

function ms(x: number): string {
  return x >= 10_000 ? `${(x / 1000).toFixed(0)} s` : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
}

/** Per 1,000 requests: single requests cost fractions of a cent, which read as zero. */
function perThousand(x: number): string {
  const k = x * 1000;
  return k >= 100 ? `$${Math.round(k).toLocaleString('en-US')}` : `$${k.toFixed(2)}`;
}

function privacyWords(o: DeploymentComparison['options'][number]): string {
  if (!o.dataLeavesMachine) return 'Stays on your premises';
  return o.dataGoesToThirdParty ? 'Sent to the AI company' : 'Sent to a cloud machine you rent';
}

/** The answer to "Cloud or your own hardware?", laid out; every figure comes from the comparison. */
export function CloudResult({ result, workload, monthlyBudgetUsd, today, actions }: { result: DeploymentComparison; workload: Workload; monthlyBudgetUsd: number | null; today: string; actions: ReactNode }) {
  const labels = SHORT;
  // The owner thinks in requests a month (like a bill); the estimator works per day.
  const perMonth = result.requestsPerMonth / result.requestsPerDay;
  const series = volumeSeries(result.costVsVolume.map((p) => ({ ...p, requestsPerDay: p.requestsPerDay * perMonth })), labels);
  const marks = breakEvenMarks(result.breakEven.map((b) => ({ ...b, requestsPerDay: b.requestsPerDay === null ? null : b.requestsPerDay * perMonth })), series, labels);
  const best = result.options.find((o) => o.option === result.recommendation.option);
  const underBudget = monthlyBudgetUsd === null ? [] : result.options.filter((o) => o.allowedBySensitivity && o.monthlyCostUsd.p90 <= monthlyBudgetUsd);
  const cloudPriceAge = priceAgeText(result.assumptions.cloudUsdPerGpuHour, today);
  return (
    <section className="page plan-result" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">Cloud or your own hardware? · The answer</p>
          <h1 id="result-title">{best ? `Our pick: ${best.label}` : 'No option fits your data rules'}</h1>
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      {(result.warnings ?? []).map((w) => (
        <div key={w} className="banner banner--warn" role="status">
          <strong>Check this:</strong> {w}
        </div>
      ))}
      <div className="card plan-recommendation" role="status">
        <p className="plan-recommendation__sentence">{result.recommendation.sentence}</p>
        <p className="muted plan-small">
          For {Math.round(workload.requestsPerDay).toLocaleString('en-US')} requests a day (about {Math.round(result.requestsPerMonth).toLocaleString('en-US')} a month) over {workload.months} months.
        </p>
      </div>
      {monthlyBudgetUsd !== null && (
        <div className={`banner ${underBudget.length ? 'banner--ok' : 'banner--warn'}`}>
          Your monthly budget is {usd(monthlyBudgetUsd)}.{' '}
          {underBudget.length ? `${underBudget.map((o) => SHORT[o.option]).join(' and ')} stay${underBudget.length === 1 ? 's' : ''} under it even in the high case.` : 'No allowed option stays under it in the high case.'}
        </div>
      )}
      <div className="plan-result__charts">
        <div className="card">
          <h2>
            Monthly cost of each option <Term explain={TERMS.p10p90}>(with likely range)</Term>
          </h2>
          <CostRangeBarChart data={costBars(result.options.map((o) => ({ option: o.option, shortLabel: SHORT[o.option] ?? o.option, monthlyCostUsd: o.monthlyCostUsd })))} budgetUsd={monthlyBudgetUsd} title="Monthly cost per option" />
        </div>
        <div className="card">
          <h2>
            Cost as use grows <Term explain={TERMS.breakEven}>(break-even)</Term>
          </h2>
          <CostVolumeLineChart series={series} marks={marks} planned={result.requestsPerMonth} unit="month" title="Monthly cost against requests per month" />
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
                  {o.upfrontUsd > 0 && <div className="muted plan-small">{usd(o.upfrontUsd)} to buy {o.devices} device{o.devices === 1 ? '' : 's'} up front, <Term explain={TERMS.amortised}>amortised</Term></div>}
                  {o.option === 'cloud-gpu' && cloudPriceAge && <div className="muted plan-small">Priced {cloudPriceAge}</div>}
                  {o.notes.map((n) => (
                    <div key={n} className="muted plan-small">
                      {n}
                    </div>
                  ))}
                </th>
                <td className="plan-num">
                  {usd(o.monthlyCostUsd.p50)}
                  <div className="muted plan-small">
                    likely {usd(o.monthlyCostUsd.p10)}–{usd(o.monthlyCostUsd.p90)}
                  </div>
                </td>
                <td className="plan-num">{perThousand(o.costPerRequestUsd.p50)}</td>
                <td className="plan-num">
                  {ms(o.latencyMs.p50)}
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
        {result.recommendation.whatWouldChange.length ? (
          <ul className="plan-change-list">
            {result.recommendation.whatWouldChange.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing within the likely ranges of the inputs changes the answer.</p>
        )}
      </div>
      <AssumptionList assumptions={result.assumptions} today={today} />
    </section>
  );
}
