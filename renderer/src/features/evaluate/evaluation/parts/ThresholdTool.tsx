import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { EvalLineChart, type Marker } from '../../../../charts/evaluate/EvalLineChart';
import { costLine, thresholdLines } from '../../../../charts/evaluate/eval-series';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { Field } from '../../../../components/Field';
import { useRpcQuery } from '../../../../data/rpc-query';
import { formatMetric } from '../../metric-words';
import { formatMicros, microsToInput, parseMoney } from '../../money-input';

type ThresholdAnalysis = NonNullable<EvaluationResult['threshold']>;

const share = (v: number) => v.toFixed(1);

/**
 * Where to put the threshold: how the share of cases found, of right flags and of rows flagged
 * move with it, and, given what a false alarm and a missed case cost, the cheapest threshold and
 * what mistakes cost per 1,000 predictions there against the one in use. New costs re-ask the
 * backend (evaluations.threshold) from the stored curve; the file is not read again.
 */
export function ThresholdTool({ evaluationId, stored, currency }: { evaluationId: string; stored: ThresholdAnalysis; currency: string }) {
  const [fp, setFp] = useState(microsToInput(stored.costs?.falsePositiveMicros));
  const [fn, setFn] = useState(microsToInput(stored.costs?.falseNegativeMicros));
  const pfp = parseMoney(fp);
  const pfn = parseMoney(fn);
  const both = pfp.ok && pfn.ok;
  const q = useRpcQuery('evaluations.threshold', { id: evaluationId, costs: { falsePositiveMicros: pfp.ok ? pfp.micros : 0, falseNegativeMicros: pfn.ok ? pfn.micros : 0 } }, { enabled: both, placeholderData: keepPreviousData });
  const t: ThresholdAnalysis = both && q.data ? q.data : stored;
  const inUse = t.atDefault.threshold ?? 0.5;
  const cheapest = both && t.best && t.best.threshold !== null && t.best.threshold !== inUse ? t.best.threshold : null;
  // Two close lines: each legend on its own side, away from the other.
  const markers: Marker[] = [{ axis: 'x', value: inUse, legend: `in use (${formatMetric('threshold', inUse)})`, tone: 'muted', side: cheapest === null ? 'right' : cheapest < inUse ? 'right' : 'left' }];
  if (cheapest !== null) markers.push({ axis: 'x', value: cheapest, legend: `cheapest (${formatMetric('threshold', cheapest)})`, tone: 'ok', side: cheapest < inUse ? 'left' : 'right' });
  const cost = costLine(t.curve);
  const fieldError = (text: string, parsed: ReturnType<typeof parseMoney>) => (text.trim() === '' ? undefined : parsed.ok ? undefined : parsed.message);
  return (
    <section className="card" aria-labelledby="threshold-title">
      <h2 id="threshold-title">Where to draw the line</h2>
      <p className="muted">
        The model flags a row when its score reaches the threshold. A lower threshold finds more cases but raises more false alarms. Say what each mistake costs and Tally finds the cheapest threshold.
      </p>
      <div className="form__row eval-costs" role="group" aria-label="What mistakes cost">
        <Field label={`One false alarm costs (${currency})`} hint="Flagged, but was really no." error={fieldError(fp, pfp)}>
          {(p) => <input {...p} inputMode="decimal" value={fp} placeholder="e.g. 5" onChange={(e) => setFp(e.target.value)} />}
        </Field>
        <Field label={`One missed case costs (${currency})`} hint="A real case it did not flag." error={fieldError(fn, pfn)}>
          {(p) => <input {...p} inputMode="decimal" value={fn} placeholder="e.g. 50" onChange={(e) => setFn(e.target.value)} />}
        </Field>
      </div>
      <ErrorBanner error={both ? (q.error ?? null) : null} />
      {both && t.best ? (
        <div className="eval-threshold-figures" aria-live="polite">
          <div className="stat" data-testid="cheapest-threshold">
            <div className="stat__label">Cheapest threshold</div>
            <div className="stat__value">{formatMetric('threshold', t.best.threshold)}</div>
            <div className="stat__meaning">Flag rows that score this or more.</div>
          </div>
          <div className="stat" data-testid="cost-at-best">
            <div className="stat__label">Mistakes per 1,000 predictions there</div>
            <div className="stat__value">{formatMicros(t.best.costPer1000Micros, currency)}</div>
            <div className="stat__meaning">
              {Math.round(t.best.falsePositives).toLocaleString('en-US')} false alarms and {Math.round(t.best.falseNegatives).toLocaleString('en-US')} missed cases in this file.
            </div>
          </div>
          <div className="stat" data-testid="cost-at-default">
            <div className="stat__label">At {formatMetric('threshold', t.atDefault.threshold)} (in use)</div>
            <div className="stat__value">{formatMicros(t.atDefault.costPer1000Micros, currency)}</div>
            <div className="stat__meaning">{t.savingPer1000Micros ? `The cheapest saves ${formatMicros(t.savingPer1000Micros, currency)} per 1,000 predictions.` : 'Already the cheapest.'}</div>
          </div>
        </div>
      ) : (
        <p className="muted">Enter both costs to find the cheapest threshold.</p>
      )}
      <div className="eval-charts">
        <figure className="eval-figure">
          <h3>What each threshold catches</h3>
          <EvalLineChart
            label="Cases found, flags that were right and share of rows flagged, against the threshold"
            lines={thresholdLines(t.curve)}
            xLegend="threshold (score at which a row is flagged)"
            yLegend="share"
            yDomain={[0, 1]}
            formatY={share}
            markers={markers}
            legend
          />
        </figure>
        {both && cost && (
          <figure className="eval-figure">
            <h3>Cost of mistakes per 1,000 predictions</h3>
            <EvalLineChart
              label="Cost of mistakes per 1,000 predictions against the threshold"
              lines={[cost]}
              xLegend="threshold (score at which a row is flagged)"
              yLegend={`${currency} per 1,000`}
              yDomain={[0, 'auto']}
              formatY={(v) => formatMicros(Math.round(v * 1e6), currency).replace(/\.00$/, '')}
              markers={markers}
              colors={['#e15759']}
            />
          </figure>
        )}
      </div>
    </section>
  );
}
