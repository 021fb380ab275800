import type { z } from 'zod';
import { assumptionName } from '../../../../../shared/budget/assumption-words';
import type { Assumptions } from '../../../../../shared/contract/estimate';
import { ageInDays, isValidAsOf } from '../../../../../shared/catalog/as-of-date';
import { ageBadge } from '../../../stores/catalog/catalog.selectors';
import { assumptionIn, type PlanCurrency } from './plan-currency';

type AssumptionMap = z.infer<typeof Assumptions>;

/** The plain name of an assumption key (shared with the CLI), as a table heading. */
function nameOf(key: string): string {
  const n = assumptionName(key);
  return `${n.charAt(0).toUpperCase()}${n.slice(1)}`;
}

function fmt(v: number | string): string {
  if (typeof v === 'string') return v;
  if (Math.abs(v) >= 1e6 || (Math.abs(v) < 0.01 && v !== 0)) return v.toPrecision(3);
  return String(Number(v.toPrecision(3)));
}

/**
 * Every value an estimate used, where it came from, and how old a dated one is; a price in US
 * dollars is shown in the answer's currency too (`currency`), with the dollars it came from.
 */
export function AssumptionList({ assumptions, today, currency }: { assumptions: AssumptionMap; today: string; currency?: PlanCurrency }) {
  return (
    <details className="card plan-assumptions">
      <summary>
        <h2>Assumptions and sources ({Object.keys(assumptions).length})</h2>
      </summary>
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(assumptions).map(([k, given]) => {
            const a = currency ? assumptionIn(given, currency) : given;
            const dollars = 'dollars' in a ? a.dollars : undefined;
            const badge = given.asOf && isValidAsOf(given.asOf) ? ageBadge(ageInDays(given.asOf, today), given.asOf) : null;
            return (
              <tr key={k}>
                <th scope="row">{nameOf(k)}</th>
                <td className="plan-num">
                  {fmt(a.value)} {a.unit}
                  {a.range && (
                    <div className="muted plan-small">
                      likely {fmt(a.range.p10)} to {fmt(a.range.p90)}
                    </div>
                  )}
                  {dollars && (
                    <div className="muted plan-small">
                      from {fmt(dollars.value)} {dollars.unit}
                    </div>
                  )}
                </td>
                <td className="plan-small">{given.source}</td>
                <td>{badge ? <span className={`badge ${badge.stale ? 'badge--warn' : ''}`} title={badge.title}>{badge.text}</span> : <span className="muted plan-small">not dated</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
