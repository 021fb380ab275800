import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { formatMoney } from '../../../../../shared/domain/money';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useRpcMutation } from '../../../data/rpc-query';

/**
 * Makes a scenario's cost the project's planned budget: the best guess (P50) or the safe side
 * (P90), in the project's currency at the project's own exchange rate (the backend converts;
 * without a rate it refuses and says where to set one).
 */
export function SetBudgetDialog({ scenario, project, onClose, onDone }: { scenario: Scenario; project: Project; onClose(): void; onDone(p: Project): void }) {
  const setAsBudget = useRpcMutation('scenarios.setAsBudget', { onSuccess: (r) => onDone(r.project) });
  const [level, setLevel] = useState<'p50' | 'p90'>('p90');
  const error = setAsBudget.error?.message ?? null;
  const total = scenario.money.totalCents;
  const fmt = (c: number | undefined) => (c === undefined ? '–' : formatMoney(c, project.currency));
  return (
    <ConfirmDialog
      open
      title={`Use “${scenario.name}” as the budget of ${project.name}?`}
      confirmLabel="Set budget"
      busy={setAsBudget.isPending}
      onCancel={onClose}
      onConfirm={() => setAsBudget.mutate({ id: scenario.id, level })}
    >
      <fieldset className="plan-choices">
        <legend>Which figure?</legend>
        <label className="checkbox">
          <input type="radio" name="level" checked={level === 'p50'} onChange={() => setLevel('p50')} /> Best guess (P50): {fmt(total?.p50)}, as likely to be over as under
        </label>
        <label className="checkbox">
          <input type="radio" name="level" checked={level === 'p90'} onChange={() => setLevel('p90')} /> Safe side (P90): {fmt(total?.p90)}, over it only 1 time in 10
        </label>
      </fieldset>
      {scenario.money.rateNote && <p className="muted plan-small">Converted from US dollars {scenario.money.rateNote}.</p>}
      {scenario.money.notConverted && <p className="banner banner--warn">{scenario.money.notConverted}</p>}
      <p className="muted plan-small">It replaces the current budget{project.budgetCents !== null ? ` of ${formatMoney(project.budgetCents, project.currency)}` : ''}.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
