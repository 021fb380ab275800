import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useNavigation, type PlanView } from '../../../stores/navigation';
import { KIND_WORDS, keyFigures } from '../../../stores/scenarios/scenarios.selectors';
import { useRpcMutation } from '../../../data/rpc-query';
import { SetBudgetDialog } from './SetBudgetDialog';
import { useFigureContext } from './use-figure-context';

/** Which Plan question reopens a scenario: each kind has one. */
export function wizardOf(s: Scenario): PlanView {
  if (s.kind === 'deployment') return 'cloud';
  if (s.kind === 'training' || s.kind === 'pilot') return 'training';
  return s.kind;
}

interface Row {
  scenario: Scenario;
  project: Project;
}

/**
 * Saved plans with their headline figures and actions: open (to edit), duplicate, delete, use
 * as the project budget, and pick for the side-by-side comparison.
 */
export function ScenarioTable({ rows, showProject, compareIds, onToggleCompare }: { rows: Row[]; showProject: boolean; compareIds?: string[]; onToggleCompare?(id: string): void }) {
  const duplicate = useRpcMutation('scenarios.duplicate');
  const remove = useRpcMutation('scenarios.delete');
  const go = useNavigation((s) => s.go);
  const [budgetFor, setBudgetFor] = useState<Row | null>(null);
  const [deleting, setDeleting] = useState<Scenario | null>(null);
  const contextOf = useFigureContext();
  const error = duplicate.error?.message ?? remove.error?.message ?? null;
  const open = (s: Scenario) => {
    const view = wizardOf(s);
    if (view) go({ page: 'plan', view, scenarioId: s.id });
  };
  return (
    <>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <table className="plan-table plan-scenario-table" aria-label="Saved plans">
        <thead>
          <tr>
            {onToggleCompare && <th scope="col">Compare</th>}
            <th scope="col">Plan</th>
            {showProject && <th scope="col">Project</th>}
            <th scope="col">Cost (best guess)</th>
            <th scope="col">Runs on</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ scenario: s, project }) => {
            const f = keyFigures(s, contextOf(project));
            return (
              <tr key={s.id}>
                {onToggleCompare && (
                  <td>
                    <input type="checkbox" aria-label={`Compare ${s.name}`} checked={compareIds?.includes(s.id) ?? false} onChange={() => onToggleCompare(s.id)} />
                  </td>
                )}
                <th scope="row">
                  {wizardOf(s) ? (
                    <a href={`#/plan/${wizardOf(s)}/${encodeURIComponent(s.id)}`} onClick={(e) => (e.preventDefault(), open(s))}>
                      {s.name}
                    </a>
                  ) : (
                    s.name
                  )}
                  <div className="muted plan-small">{KIND_WORDS[s.kind]}</div>
                </th>
                {showProject && <td>{project.name}</td>}
                <td className="plan-num">
                  {f.cost ?? f.unitCost ?? <span className="muted plan-small">{f.noCost ?? (f.notConverted ? 'Not converted' : 'Not known')}</span>}
                  {f.range && <div className="muted plan-small">likely {f.range}</div>}
                  {f.summary ? (
                    <div className={`plan-small ${s.money.capStatus === 'within' ? 'plan-ok' : 'plan-warn'}`}>{f.summary}</div>
                  ) : (
                    f.monthly && <div className="muted plan-small">{f.monthly} a month</div>
                  )}
                  {f.rate && <div className="muted plan-small">{f.rate}</div>}
                  {f.notConverted && <div className="plan-small plan-warn">{f.notConverted}</div>}
                </td>
                <td className="plan-small">{f.hardware ?? 'Not named'}</td>
                <td>
                  <div className="plan-row-actions">
                  {wizardOf(s) && (
                    <button type="button" className="button plan-button--small" onClick={() => open(s)}>
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="button plan-button--small"
                    disabled={duplicate.isPending}
                    onClick={() => duplicate.mutate({ id: s.id })}
                  >
                    Duplicate
                  </button>
                  {s.p50CostCents !== null && (
                    <button type="button" className="button plan-button--small" onClick={() => setBudgetFor({ scenario: s, project })}>
                      Set as budget
                    </button>
                  )}
                  <button type="button" className="button plan-button--small button--danger" onClick={() => setDeleting(s)}>
                    Delete
                  </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {budgetFor && (
        <SetBudgetDialog
          scenario={budgetFor.scenario}
          project={budgetFor.project}
          onClose={() => setBudgetFor(null)}
          onDone={() => setBudgetFor(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the plan “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete plan"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          // A refusal shows above the table; the dialog closes either way.
          await remove.mutateAsync({ id: deleting.id }).catch(() => undefined);
          setDeleting(null);
        }}
      >
        <p>The saved answers and figures are removed. The project and its budget stay as they are.</p>
      </ConfirmDialog>
    </>
  );
}
