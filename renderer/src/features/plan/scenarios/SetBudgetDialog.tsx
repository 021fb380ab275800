import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { formatMoney } from '../../../../../shared/domain/money';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useRpcMutation } from '../../../data/rpc-query';

/**
 * Makes a scenario's cost the project's planned budget: the best guess (P50) or the safe side
 * (P90). A non-USD project needs the exchange rate, since scenario costs are in US dollars.
 */
export function SetBudgetDialog({ scenario, project, onClose, onDone }: { scenario: Scenario; project: Project; onClose(): void; onDone(p: Project): void }) {
  const setAsBudget = useRpcMutation('scenarios.setAsBudget', { onSuccess: (r) => onDone(r.project) });
  const [level, setLevel] = useState<'p50' | 'p90'>('p90');
  const [rate, setRate] = useState('');
  const error = setAsBudget.error?.message ?? null;
  const usd = project.currency === 'USD';
  const fmt = (c: number | null) => (c === null ? '–' : formatMoney(c, 'USD'));
  return (
    <ConfirmDialog
      open
      title={`Use “${scenario.name}” as the budget of ${project.name}?`}
      confirmLabel="Set budget"
      busy={setAsBudget.isPending}
      onCancel={onClose}
      onConfirm={() => setAsBudget.mutate({ id: scenario.id, level, ...(!usd ? { usdToProjectCurrency: Number(rate) } : {}) })}
    >
      <fieldset className="plan-choices">
        <legend>Which figure?</legend>
        <label className="checkbox">
          <input type="radio" name="level" checked={level === 'p50'} onChange={() => setLevel('p50')} /> Best guess (P50): {fmt(scenario.p50CostCents)}, as likely to be over as under
        </label>
        <label className="checkbox">
          <input type="radio" name="level" checked={level === 'p90'} onChange={() => setLevel('p90')} /> Safe side (P90): {fmt(scenario.p90CostCents)}, over it only 1 time in 10
        </label>
      </fieldset>
      {!usd && (
        <label className="field">
          <span>1 US dollar in {project.currency}</span>
          <input name="rate" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} placeholder="e.g. 0.92" />
        </label>
      )}
      <p className="muted plan-small">It replaces the current budget{project.budgetCents !== null ? ` of ${formatMoney(project.budgetCents, project.currency)}` : ''}.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}
