import { useEffect, useState } from 'react';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { apiChoices, hardwareChoices, providersByHardware } from '../../../stores/catalog/catalog.selectors';
import { useCatalog } from '../../../stores/catalog/catalog.store';
import { useNavigation } from '../../../stores/navigation';
import { usePlan } from '../../../stores/plan/plan.store';
import { useScenarios } from '../../../stores/scenarios/scenarios.store';
import { SaveScenario } from '../scenarios/SaveScenario';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import { CloudResult } from './CloudResult';
import { CloudStep } from './CloudSteps';
import { CLOUD_INITIAL, CLOUD_STEPS, budgetFromNotes, budgetNote, buildWorkload, cloudValuesFromWorkload, cloudWizard, updateCloudValues } from './cloud-wizard';
import { ResultActions } from '../wizard/ResultActions';

/** The cloud-or-own wizard and its answer; opened fresh or on a saved scenario to edit it. */
export function CloudPlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const { all, loadAll } = useCatalog();
  const { comparison, compareInput, compareStatus, error, runCompare } = usePlan();
  const getScenario = useScenarios((s) => s.get);
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [budget, setBudget] = useState<number | null>(null);
  const [showResult, setShowResult] = useState(false);
  const wiz = useWizard(cloudWizard, CLOUD_INITIAL, updateCloudValues, (input, values) => {
    setBudget(buildWorkload(values).monthlyBudgetUsd);
    setShowResult(true);
    void runCompare(input);
  });
  const { restart } = wiz;
  useEffect(() => {
    void loadAll();
  }, [loadAll]);
  useEffect(() => {
    if (!scenarioId) return;
    void getScenario(scenarioId).then((s) => {
      if (s.kind !== 'deployment') return;
      setEditing(s);
      restart(cloudValuesFromWorkload(s.input.workload, budgetFromNotes(s.notes)));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId, getScenario]);

  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (compareStatus === 'running' || compareStatus === 'idle') return <p className="muted" role="status">Comparing the options…</p>;
    if (compareStatus === 'error' || !comparison || !compareInput) {
      return (
        <section className="page">
          <ErrorBanner error={error} />
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
          monthlyBudgetUsd={budget}
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
          notes={budgetNote(budget)}
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
      onCancel={() => go({ page: 'plan' })}
    >
      <CloudStep stepId={wiz.step.id} values={wiz.values} errors={wiz.errors} set={wiz.set} hardware={hardwareChoices(all)} apis={apiChoices(all)} providers={providersByHardware(all)} />
    </WizardFrame>
  );
}
