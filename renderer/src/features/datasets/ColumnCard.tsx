import type { ColumnProfile } from '../../../../shared/contract/datasets';
import { formatCount, formatNumber, formatShare, plural } from '../../../../shared/quality/format';
import { HistogramChart, TopValuesChart } from '../../charts/quality/QualityCharts';
import { columnAnchorId, missingShare, typeLabel } from '../../stores/datasets/datasets.selectors';
import { histogramCaption, medianFact, topValuesCaption } from './column-card-texts';

function Fact({ label, value, meaning }: { label: string; value: string; meaning: string }) {
  return (
    <div className="column-fact">
      <dt>{label}</dt>
      <dd>
        <span className="column-fact__value">{value}</span>
        <span className="column-fact__meaning">{meaning}</span>
      </dd>
    </div>
  );
}

function numberText(v: number, type: ColumnProfile['type']): string {
  return type === 'datetime' ? new Date(v).toISOString().slice(0, 10) : formatNumber(v);
}

/**
 * One column of a profile: its type, gaps, distinct values, spread and most frequent values, each
 * number with a line saying what it means. A <details> so the report can open it from a finding.
 */
export function ColumnCard({ column: c, open = true, issues = 0 }: { column: ColumnProfile; open?: boolean; issues?: number }) {
  const type = typeLabel(c.type);
  const rows = c.count + c.missing + c.disguisedMissing;
  const gaps = missingShare(c);
  const n = c.numeric;
  // Top values help for labels and small code sets; for ids and continuous numbers the histogram says more.
  const showTop =
    !c.redacted && c.topValues.length > 0 && c.type !== 'identifier' && (!n || (c.type === 'integer' && c.distinct <= 20)) && c.distinct < Math.max(2, c.count);
  return (
    <details className="column-card" id={columnAnchorId(c.name)} open={open}>
      <summary className="column-card__summary">
        <span className="column-card__name">{c.name}</span>
        <span className="badge" title={type.meaning}>
          {type.label}
        </span>
        {gaps > 0 && <span className="badge badge--warn">{formatShare(gaps)} missing</span>}
        {issues > 0 && <span className="badge badge--error">{plural(issues, 'finding')}</span>}
      </summary>
      <div className="column-card__body">
        <dl className="column-facts">
          <Fact label="Type" value={type.label} meaning={type.meaning} />
          <Fact
            label="Missing"
            value={formatShare(gaps)}
            meaning={`${formatCount(c.missing + c.disguisedMissing)} of ${plural(rows, 'row')} ${c.missing + c.disguisedMissing === 1 ? 'has' : 'have'} no value${c.disguisedMissing > 0 ? ` (${formatCount(c.disguisedMissing)} ${c.disguisedMissing === 1 ? 'holds' : 'hold'} a placeholder such as "NA")` : ''}.`}
          />
          <Fact
            label={c.distinctIsEstimate ? 'Distinct (estimated)' : 'Distinct'}
            value={`${c.distinctIsEstimate ? '≈ ' : ''}${formatCount(c.distinct)}`}
            meaning={c.distinctIsEstimate ? 'Different values, estimated from a sketch: exact counting would not fit in memory.' : 'How many different values the column holds.'}
          />
          {n && (
            <>
              <Fact label="Range" value={`${numberText(n.min, c.type)} – ${numberText(n.max, c.type)}`} meaning="The smallest and largest value." />
              {c.type !== 'datetime' && (
                <>
                  <Fact label="Average" value={formatNumber(n.mean)} meaning={`Typical spread around it: ± ${formatNumber(n.std)} (standard deviation).`} />
                  <Fact {...medianFact(n)} />
                  {(n.zeros > 0 || n.negatives > 0) && (
                    <Fact label="Zeros / negatives" value={`${formatCount(n.zeros)} / ${formatCount(n.negatives)}`} meaning="Rows equal to 0, and rows below 0." />
                  )}
                </>
              )}
            </>
          )}
          {c.textLength && (
            <Fact
              label="Text length"
              value={`${formatCount(c.textLength.min)} – ${formatCount(c.textLength.max)}`}
              meaning={`Characters per value; ${formatNumber(c.textLength.mean)} on average.`}
            />
          )}
        </dl>
        <div className="column-card__charts">
          {n && n.histogram.counts.length > 0 && (
            <figure>
              <HistogramChart histogram={n.histogram} kind={c.type === 'datetime' ? 'datetime' : 'number'} column={c.name} />
              <figcaption className="muted">{histogramCaption(n)}</figcaption>
            </figure>
          )}
          {showTop && (
            <figure>
              <TopValuesChart top={c.topValues} otherCount={c.otherCount} column={c.name} />
              <figcaption className="muted">{topValuesCaption(c)}</figcaption>
            </figure>
          )}
          {c.redacted && <p className="muted">Values are hidden: this column holds personal data (see the PII finding).</p>}
        </div>
      </div>
    </details>
  );
}
