import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { evaluationRow } from './evaluation-rows';

/** The project overview's "Evaluate" card: how many models were evaluated, the newest with its headline, monitors in alert. */
export function EvaluatePanel({ projectId }: { projectId: string }) {
  const go = useNavigation((s) => s.go);
  const list = useRpcQuery('evaluations.list', { projectId });
  const monitors = useRpcQuery('monitors.list', { projectId });
  const latest = list.data?.[0];
  const row = latest ? evaluationRow(latest, null) : null;
  const alerts = (monitors.data ?? []).filter((m) => m.alert).length;
  const href = `#/projects/${encodeURIComponent(projectId)}/evaluate`;
  const open = (e: React.MouseEvent) => (e.preventDefault(), go({ page: 'evaluate', projectId }));
  return (
    <div className="card" role="region" aria-labelledby="evaluate-panel-title">
      <h2 id="evaluate-panel-title">Evaluate</h2>
      {row && latest ? (
        <p>
          {list.data!.length} {list.data!.length === 1 ? 'evaluation' : 'evaluations'}. Newest: <strong>{row.name}</strong>, {row.metric.toLowerCase()} {row.value}
          {row.interval ? ` (95% range ${row.interval})` : ''}
          {latest.gateStatus !== 'none' && (
            <>
              {' '}
              <span className={`badge badge--${row.gate.tone}`}>{row.gate.text}</span>
            </>
          )}
          .
        </p>
      ) : (
        <p className="muted">No evaluation yet: measure what a model is worth from a file of its predictions.</p>
      )}
      {alerts > 0 && (
        <p>
          <span className="badge badge--error">Alert</span> {alerts} {alerts === 1 ? 'monitor sees' : 'monitors see'} the data or the results shifting.
        </p>
      )}
      <a href={href} onClick={open}>
        Open Evaluate →
      </a>
    </div>
  );
}
