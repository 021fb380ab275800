import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { countInWords } from '../parts/answer-format';
import { AnswerRefused } from '../parts/AnswerRefused';
import { catalogDevices } from '../parts/device-groups';
import { rentedDevices } from '../parts/device-lists';
import { savedPriceTarget } from '../../../../../shared/budget/typed-price';
import { usePlanProject, useTypedPriceSync } from '../parts/use-plan-project';
import { SaveScenario } from '../scenarios/SaveScenario';
import { ResultActions } from '../wizard/ResultActions';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import '../plan-answers.css';
import { OptimalResult } from './OptimalResult';
import { OptimalStep } from './OptimalSteps';
import { OPTIMAL_INITIAL, OPTIMAL_PRICE_FIELDS, OPTIMAL_STEPS, optimalValuesFromInput, optimalWizard, updateOptimalValues } from './optimal-wizard';

type OptimalInput = Input<'estimate.optimal'>;


/** "What size model fits my compute budget?" and its answer; opened fresh or on a saved plan to edit it. */
export function OptimalPlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const catalog = useRpcQuery('catalog.list', {});
  // The budget is spent renting: the planners' list of cloud GPUs (device-lists.ts), grouped by kind.
  const gpus = useMemo(() => {
    const entries = catalog.data ?? [];
    const rented = new Set(rentedDevices(entries).map((d) => d.id));
    return catalogDevices(entries).filter((d) => rented.has(d.id));
  }, [catalog.data]);
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [showResult, setShowResult] = useState(false);
  const [asked, setAsked] = useState<OptimalInput | null>(null);
  // Keyed by the answers: the same answers read the cached estimate; a catalog edit prices it again.
  const optimal = useRpcQuery('estimate.optimal', asked as OptimalInput, { enabled: asked !== null });
  const wiz = useWizard(optimalWizard, OPTIMAL_INITIAL, updateOptimalValues, (input) => {
    setShowResult(true);
    setAsked(input);
  }, { draftKey: scenarioId ? `plan.optimal:${scenarioId}` : 'plan.optimal' });
  const { restart } = wiz;
  // The project the answer is for: the budget and a price are typed, and the answer's money shown, in its currency.
  const plan = usePlanProject(editing);
  useTypedPriceSync(plan, wiz.values, wiz.patch, OPTIMAL_PRICE_FIELDS);
  useEffect(() => {
    if (!scenarioId) return;
    void fetchRpc('scenarios.get', { id: scenarioId }).then(async (s) => {
      if (s.kind !== 'optimal') return;
      setEditing(s);
      // Answers kept from before a reload win over the saved plan's.
      if (wiz.resumed) return;
      const project = (await fetchRpc('projects.list', {})).find((p) => p.id === s.projectId) ?? null;
      restart(optimalValuesFromInput(s.input, savedPriceTarget(s.pricesTypedAt, project)));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (optimal.isPending) return <p className="muted" role="status">Working out the best model size…</p>;
    if (!optimal.data || !asked) {
      return <AnswerRefused question={optimalWizard.title} error={optimal.error} onBack={() => (setShowResult(false), wiz.reopen())} />;
    }
    const r = optimal.data;
    const hardwareName = gpus.find((g) => g.id === asked.hardware)?.name ?? null;
    return (
      <>
        <OptimalResult
          input={asked}
          result={r}
          hardwareName={hardwareName}
          currency={plan.currency}
          today={today}
          onPlanTraining={() => go({ page: 'plan', view: 'training' })}
          actions={
            <ResultActions
              onChangeAnswers={() => (setShowResult(false), wiz.reopen())}
              onStartOver={() => (setShowResult(false), setEditing(null), wiz.restart(OPTIMAL_INITIAL))}
            />
          }
        />
        <SaveScenario
          key={editing?.id ?? 'new'}
          payload={{ kind: 'optimal', input: asked, result: r }}
          defaultName={`${countInWords(r.params)}-parameter model for ${asked.budgetUsd !== undefined ? plan.currency.money(asked.budgetUsd) : 'the computing given'}`}
          editing={editing}
          projectId={plan.projectId}
          onProjectChange={plan.choose}
          typedName={wiz.planName}
          onNameChange={wiz.setPlanName}
          onSaved={wiz.discard}
        />
      </>
    );
  }
  return (
    <WizardFrame
      title={editing ? `Editing “${editing.name}”` : optimalWizard.title}
      stepTitles={OPTIMAL_STEPS.map((s) => s.title)}
      step={wiz.state.step}
      intro={wiz.step.intro}
      onBack={wiz.back}
      onNext={wiz.next}
      onCancel={() => (wiz.discard(), go({ page: 'plan' }))}
    >
      <OptimalStep
        stepId={wiz.step.id}
        values={wiz.values}
        errors={wiz.errors}
        set={wiz.set}
        gpus={gpus}
        plan={plan.picker}
      />
    </WizardFrame>
  );
}
