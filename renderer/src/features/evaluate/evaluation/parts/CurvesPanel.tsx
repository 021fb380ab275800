import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { EvalLineChart } from '../../../../charts/evaluate/EvalLineChart';
import { positiveShare, prLine, reliabilityLine, rocLine } from '../../../../charts/evaluate/eval-series';

const two = (v: number) => v.toFixed(1);

/** Ranking and honesty of the scores: the ROC and precision-recall curves and the reliability diagram. */
export function CurvesPanel({ result }: { result: EvaluationResult }) {
  const roc = rocLine(result.curves.roc);
  const pr = prLine(result.curves.pr);
  const rel = reliabilityLine(result.curves.reliability);
  if (!roc && !pr && !rel) return null;
  const share = positiveShare(result);
  return (
    <section className="card" aria-labelledby="curves-title">
      <h2 id="curves-title">Ranking and confidence</h2>
      <div className="eval-charts">
        {roc && (
          <figure className="eval-figure">
            <h3>How well it ranks</h3>
            <EvalLineChart
              label="Cases found against false alarms at every threshold (ROC curve)"
              lines={[roc]}
              xLegend="share of no-cases flagged (false alarms)"
              yLegend="share of cases found"
              xDomain={[0, 1]}
              yDomain={[0, 1]}
              formatX={two}
              formatY={two}
              guides={[{ from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, label: 'random guessing' }]}
            />
            <figcaption className="muted">The higher and further left the curve, the better it puts real cases above the rest. The dashed line is guessing.</figcaption>
          </figure>
        )}
        {pr && (
          <figure className="eval-figure">
            <h3>Flags that were right, as it finds more</h3>
            <EvalLineChart
              label="Flags that were right against cases found (precision-recall curve)"
              lines={[pr]}
              xLegend="share of cases found"
              yLegend="flags that were right"
              xDomain={[0, 1]}
              yDomain={[0, 1]}
              formatX={two}
              formatY={two}
              guides={share === null ? [] : [{ from: { x: 0, y: share }, to: { x: 1, y: share }, label: 'random guessing' }]}
            />
            <figcaption className="muted">Finding more cases usually means more false alarms; the curve shows the price. Guessing stays at the share of real cases.</figcaption>
          </figure>
        )}
        {rel && (
          <figure className="eval-figure">
            <h3>How honest its confidence is</h3>
            <EvalLineChart
              label="Observed rate against stated probability (reliability diagram)"
              lines={[rel]}
              xLegend="probability it stated"
              yLegend="how often it was so"
              xDomain={[0, 1]}
              yDomain={[0, 1]}
              formatX={two}
              formatY={two}
              points
              guides={[{ from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, label: 'perfectly honest' }]}
            />
            <figcaption className="muted">When it says 70%, it should be right 70% of the time: points on the dashed line. Below it, it is over-confident.</figcaption>
          </figure>
        )}
      </div>
    </section>
  );
}
