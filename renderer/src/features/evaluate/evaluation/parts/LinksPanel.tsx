import { useState } from 'react';
import type { Evaluation } from '../../../../../../shared/contract/evaluations';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { Field } from '../../../../components/Field';
import { useSubmit } from '../../../../components/use-submit';
import { runCostText, runName } from '../../link-choices';
import { formatMicros, microsToInput, parseMoney } from '../../money-input';
import { useProjectLinks } from '../../use-links';

/** What this evaluation is tied to: the run that trained the model (its cost), the data it ran on, and what serving it costs. */
export function LinksPanel({ evaluation }: { evaluation: Evaluation }) {
  const links = useProjectLinks(evaluation.projectId);
  const link = useSubmit('evaluations.link');
  const [serving, setServing] = useState(microsToInput(evaluation.inferenceCostPer1000Micros));
  const parsed = parseMoney(serving);
  const run = links.runById(evaluation.runId);
  const servingError = serving.trim() !== '' && !parsed.ok ? parsed.message : undefined;
  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">What it cost</h2>
      <p className="muted">Link the training run and say what serving costs, so this model can be weighed against others for the money.</p>
      <div className="form__row">
        <Field label="Training run" hint={evaluation.runId && !run ? 'The linked run is not among this project\'s newest runs.' : 'The run that trained this model; its cost comes from Runs.'}>
          {(p) => (
            <select {...p} value={evaluation.runId ?? ''} disabled={link.busy} onChange={(e) => void link.submit({ id: evaluation.id, runId: e.target.value || null })}>
              <option value="">None</option>
              {evaluation.runId && !run && <option value={evaluation.runId}>{evaluation.runId.slice(0, 8)}</option>}
              {links.runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Evaluated on" hint="The data file the predictions were made on.">
          {(p) => (
            <select {...p} value={evaluation.datasetId ?? ''} disabled={link.busy} onChange={(e) => void link.submit({ id: evaluation.id, datasetId: e.target.value || null })}>
              <option value="">None</option>
              {links.datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <form
        className="eval-serving"
        onSubmit={(e) => {
          e.preventDefault();
          if (serving.trim() === '') void link.submit({ id: evaluation.id, inferenceCostPer1000Micros: null });
          else if (parsed.ok) void link.submit({ id: evaluation.id, inferenceCostPer1000Micros: parsed.micros });
        }}
      >
        <Field
          label="Serving cost per 1,000 predictions (US dollars)"
          hint={
            evaluation.inferenceCostPer1000Micros === null
              ? 'From a Plan estimate or your bill; leave empty if unknown.'
              : `Saved: ${formatMicros(evaluation.inferenceCostPer1000Micros, 'USD')} per 1,000 predictions.`
          }
          error={servingError}
        >
          {(p) => (
            <div className="eval-path">
              <input {...p} inputMode="decimal" value={serving} placeholder="e.g. 0.40" onChange={(e) => setServing(e.target.value)} />
              <button type="submit" className="button" disabled={link.busy || !!servingError}>
                Save serving cost
              </button>
            </div>
          )}
        </Field>
      </form>
      {run && (
        <p data-testid="linked-run">
          Trained by <strong>{runName(run)}</strong> ({run.experimentName}) for <strong>{runCostText(run)}</strong>.
        </p>
      )}
      <ErrorBanner error={link.error ?? links.error} />
    </section>
  );
}
