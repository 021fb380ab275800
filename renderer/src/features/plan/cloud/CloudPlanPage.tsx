import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { MonthlyBudget, Scenario } from '../../../../../shared/contract/scenarios';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { apiChoices, hardwareChoices, providersByHardware } from '../../../stores/catalog/catalog.selectors';
import { useNavigation } from '../../../stores/navigation';
import { savedPriceTarget } from '../../../../../shared/budget/typed-price';
import { usePlanProject, useTypedPriceSync } from '../parts/use-plan-project';
import { SaveScenario } from '../scenarios/SaveScenario';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import { CloudResult } from './CloudResult';
import { CloudStep } from './CloudSteps';
import { CLOUD_INITIAL, CLOUD_STEPS, cloudPriceFields, buildWorkload, cloudValuesFromWorkload, cloudWizard, updateCloudValues } from './cloud-wizard';
import { ResultActions } from '../wizard/ResultActions';
import { ownedDevices, rentedDevices } from '../parts/device-lists';
import { planError } from '../parts/plan-error';

/** The cloud-or-own wizard and its answer; opened fresh or on a saved scenario to edit it. */
export function CloudPlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const all = useRpcQuery('catalog.list', {}).data ?? [];
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [showResult, setShowResult] = useState(false);
  // The project the plan is for: its currency is the budget's, the typed prices' and the answer's.
  const plan = usePlanProject(editing);
  const { currency, projectId: planProjectId, choose: setChosenProjectId } = plan;
  const [compareInput, setCompareInput] = useState<Input<'estimate.compare'> | null>(null);
  // Keyed by the answers: the same answers again read the cached comparison; a catalog edit prices it again.
  const compare = useRpcQuery('estimate.compare', compareInput!, { enabled: compareInput !== null });
  const comparison = compare.data;
  const wiz = useWizard(cloudWizard, CLOUD_INITIAL, updateCloudValues, (input) => {
    setShowResult(true);
    setCompareInput(input);
  }, { draftKey: scenarioId ? `plan.cloud:${scenarioId}` : 'plan.cloud' });
  const { restart } = wiz;
  useTypedPriceSync(plan, wiz.values, wiz.patch, cloudPriceFields(wiz.values));
  // Read from the answers, not kept from when they were sent: a project made from the save form
  // carries the typed budget into its currency, and the plan is saved with it in that currency.
  const budget: MonthlyBudget | null = useMemo(() => buildWorkload(wiz.values).monthlyBudget, [wiz.values]);
  useEffect(() => {
    if (!scenarioId) return;
    void fetchRpc('scenarios.get', { id: scenarioId }).then(async (s) => {
      if (s.kind !== 'deployment') return;
      setEditing(s);
      // Answers kept from before a reload win over the saved plan's.
      if (wiz.resumed) return;
      const project = (await fetchRpc('projects.list', {})).find((p) => p.id === s.projectId) ?? null;
      restart(cloudValuesFromWorkload(s.input.workload, s.monthlyBudget, s.pricesTypedAt || project ? savedPriceTarget(s.pricesTypedAt, project) : { currency: s.money.currency, usdRate: '' }));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (compare.isPending) return <p className="muted" role="status">Comparing the options…</p>;
    if (!comparison || !compareInput) {
      return (
        <section className="page">
          <ErrorBanner error={planError(compare.error)} />
          <button type="button" className="button" onClick={() => (setShowResult(false), wiz.reopen())}>
            Back to the questions
          </button>
        </section>
      );
    }
    return (
      <>
        <CloudResult
          result={comparison}
          workload={compareInput.workload}
          monthlyBudget={budget}
          currency={currency}
          today={today}
          actions={
            <ResultActions
              onChangeAnswers={() => (setShowResult(false), wiz.reopen())}
              onStartOver={() => (setShowResult(false), setEditing(null), wiz.restart(CLOUD_INITIAL))}
            />
          }
        />
        <SaveScenario
          key={editing?.id ?? 'new'}
          payload={{ kind: 'deployment', input: compareInput, result: comparison }}
          defaultName={`${compareInput.workload.name ?? 'Workload'}, ${Math.round(compareInput.workload.requestsPerDay).toLocaleString('en-US')} a day`}
          editing={editing}
          monthlyBudget={budget}
          projectId={planProjectId}
          onProjectChange={setChosenProjectId}
          typedName={wiz.planName}
          onNameChange={wiz.setPlanName}
          onSaved={wiz.discard}
        />
      </>
    );
  }
  return (
    <WizardFrame
      title={editing ? `Editing “${editing.name}”` : cloudWizard.title}
      stepTitles={CLOUD_STEPS.map((s) => s.title)}
      step={wiz.state.step}
      intro={wiz.step.intro}
      onBack={wiz.back}
      onNext={wiz.next}
      onCancel={() => (wiz.discard(), go({ page: 'plan' }))}
    >
      <CloudStep
        stepId={wiz.step.id}
        values={wiz.values}
        errors={wiz.errors}
        set={wiz.set}
        hardware={hardwareChoices(all)}
        rented={rentedDevices(all)}
        owned={ownedDevices(all, 'serving')}
        apis={apiChoices(all)}
        providers={providersByHardware(all)}
        plan={plan.picker}
      />
    </WizardFrame>
  );
}
