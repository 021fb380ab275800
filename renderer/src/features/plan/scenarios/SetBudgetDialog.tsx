import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { estimateCentsText } from '../../../../../shared/budget/best-guess';
import { formatMoney } from '../../../../../shared/domain/money';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useRpcMutation } from '../../../data/rpc-query';

/**
 * Makes a scenario's cost the project's planned budget: the best guess (P50) or the safe side
 * (P90), in the project's currency at the project's own exchange rate (the backend converts;
 * without a rate it refuses and says where to set one). Each choice is written as the answer and
 * the saved plan write it; the exact amount the budget becomes is said once, for the one chosen.
 */
export function SetBudgetDialog({ scenario, project, onClose, onDone }: { scenario: Scenario; project: Project; onClose(): void; onDone(p: Project): void }) {
  const setAsBudget = useRpcMutation('scenarios.setAsBudget', { onSuccess: (r) => onDone(r.project) });
  const [level, setLevel] = useState<'p50' | 'p90'>('p90');
  const error = setAsBudget.error?.message ?? null;
  const total = scenario.money.totalCents;
  const fmt = (c: number | undefined) => (c === undefined ? '–' : estimateCentsText(c, project.currency));
  const chosen = total?.[level];
  const current = project.budgetCents === null ? null : formatMoney(project.budgetCents, project.currency);
  const becomes = chosen === undefined ? null : `The budget becomes ${formatMoney(chosen, project.currency)}`;
  const after = becomes ? `${becomes}${current ? `, in place of ${current}` : ''}.` : current && `It replaces the current budget of ${current}.`;
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
          <input type="radio" name="level" checked={level === 'p50'} onChange={() => setLevel('p50')} /> Best guess (P50): {fmt(total?.p50)}, as likely to come in under as over
        </label>
        <label className="checkbox">
          <input type="radio" name="level" checked={level === 'p90'} onChange={() => setLevel('p90')} /> Safe side (P90): {fmt(total?.p90)}, over it only 1 time in 10
        </label>
      </fieldset>
      {scenario.money.rateNote && <p className="muted plan-small">Converted from US dollars {scenario.money.rateNote}.</p>}
      {scenario.money.notConverted && <p className="banner banner--warn">{scenario.money.notConverted}</p>}
      {after && <p className="muted plan-small">{after}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
