import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ExportHtmlButton } from '../../../components/ExportHtmlButton';
import { useHtmlExport } from '../../../components/use-html-export';
import { useSubmit } from '../../../components/use-submit';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { TASK_WORDS } from '../metric-words';
import { verdictFacts, verdictSentence } from './evaluation-view';
import { ConfusionPanel } from './parts/ConfusionPanel';
import { CurvesPanel } from './parts/CurvesPanel';
import { GatesPanel } from './parts/GatesPanel';
import { LinksPanel } from './parts/LinksPanel';
import { MetricsPanel } from './parts/MetricsPanel';
import { ResidualsPanel } from './parts/ResidualsPanel';
import { RisksPanel } from './parts/RisksPanel';
import { SlicesPanel } from './parts/SlicesPanel';
import { ThresholdTool } from './parts/ThresholdTool';
import '../evaluate.css';

/** One stored evaluation: the verdict in a sentence, then the numbers, the groups, the threshold, the risks and the costs. */
export function EvaluationPage({ projectId, evaluationId }: { projectId: string; evaluationId: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id: projectId });
  const q = useRpcQuery('evaluations.get', { id: evaluationId });
  const remove = useSubmit('evaluations.delete', { onSuccess: () => go({ page: 'evaluate', projectId }) });
  const [confirming, setConfirming] = useState(false);
  const exporter = useHtmlExport(() => fetchRpc('evaluations.exportHtml', { id: evaluationId }, { fresh: true, keep: false }));

  const back = (
    <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/evaluate`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluate', projectId }))}>
      ← All evaluations
    </a>
  );
  const e = q.data;
  if (!e) {
    return (
      <section className="page">
        {back}
        <ErrorBanner error={q.error ?? null} />
        {!q.error && <p className="muted">Loading evaluation…</p>}
      </section>
    );
  }
  const r = e.result;
  const currency = project.data?.currency ?? 'USD';
  const failed = r.gates.some((g) => !g.passed);
  const worse = r.slices.some((s) => s.verdict === 'significantly-worse');
  const tone = failed ? 'error' : worse ? 'warn' : 'ok';

  return (
    <section className="page eval-page" aria-labelledby="evaluation-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="evaluation-title">{e.name}</h1>
          <p className="muted">
            {TASK_WORDS[e.task]} · {e.rows.toLocaleString('en-US')} predictions from <code>{e.fileName}</code> · evaluated {e.createdAt.slice(0, 16).replace('T', ' ')}
          </p>
        </div>
        <div className="page__actions">
          <ExportHtmlButton exporter={exporter} />
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </div>
      </header>
      <ErrorBanner error={exporter.error ?? project.error ?? null} />
      <div className={`banner banner--${tone} eval-verdict`} role="status" aria-label="Verdict">
        <p className="eval-verdict__sentence">{verdictSentence(r)}</p>
        <p className="muted eval-verdict__facts">{verdictFacts(r)}</p>
      </div>
      {r.warnings.length > 0 && (
        <div className="banner banner--warn" role="group" aria-label="Warnings">
          <ul className="eval-notes">
            {r.warnings.map((w) => (
              <li key={`${w.code}:${w.metric ?? ''}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <MetricsPanel result={r} />
      <GatesPanel gates={r.gates} />
      <SlicesPanel result={r} />
      <ConfusionPanel result={r} />
      <CurvesPanel result={r} />
      {r.threshold && <ThresholdTool evaluationId={e.id} stored={r.threshold} currency={currency} />}
      <ResidualsPanel result={r} />
      <RisksPanel result={r} />
      <LinksPanel key={`${e.id}:${e.inferenceCostPer1000Micros ?? ''}`} evaluation={e} />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${e.name}?`}
        confirmLabel="Delete the evaluation"
        danger
        busy={remove.busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void remove.submit({ id: e.id })}
      >
        <p>Its results are forgotten; the predictions file stays where it is. Monitors that used it as their reference keep their batches.</p>
      </ConfirmDialog>
    </section>
  );
}
