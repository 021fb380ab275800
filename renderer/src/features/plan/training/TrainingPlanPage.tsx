import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { hardwareChoices, providersByHardware, rentableHardware } from '../../../stores/catalog/catalog.selectors';
import { useNavigation } from '../../../stores/navigation';
import { SaveScenario } from '../scenarios/SaveScenario';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import { TrainingResult } from './TrainingResult';
import { TrainingStep } from './TrainingSteps';
import { presetById } from './training-presets';
import { TRAINING_INITIAL, TRAINING_PRICE_FIELDS, TRAINING_STEPS, trainingValuesFromInput, trainingWizard, updateTrainingValues, type TrainingCandidate } from './training-wizard';
import { useTrainingView } from './use-training-view';
import { ResultActions } from '../wizard/ResultActions';
import { ownedDevices, rentedDevices } from '../parts/device-lists';
import { planError } from '../parts/plan-error';
import { savedPriceTarget } from '../../../../../shared/budget/typed-price';
import { usePlanProject, useTypedPriceSync } from '../parts/use-plan-project';

/** The training-cost wizard and its answer; opened fresh or on a saved scenario to edit it. */
export function TrainingPlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const catalog = useRpcQuery('catalog.list', {});
  const all = useMemo(() => catalog.data ?? [], [catalog.data]);
  // Devices with a rental price, to price the same run on: a catalog change prices it again.
  const rentable = useMemo(() => [...rentableHardware(all)].sort(), [all]);
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [showResult, setShowResult] = useState(false);
  const [asked, setAsked] = useState<TrainingCandidate | null>(null);
  const view = useTrainingView(asked, rentable);
  const training = view.data;
  const wiz = useWizard(trainingWizard, TRAINING_INITIAL, updateTrainingValues, (candidate) => {
    setShowResult(true);
    setAsked(candidate);
  }, { draftKey: scenarioId ? `plan.training:${scenarioId}` : 'plan.training' });
  const { restart } = wiz;
  // The project the plan is for: prices are typed, and the answer shown, in its currency.
  const plan = usePlanProject(editing);
  useTypedPriceSync(plan, wiz.values, wiz.patch, TRAINING_PRICE_FIELDS);
  useEffect(() => {
    if (!scenarioId) return;
    void fetchRpc('scenarios.get', { id: scenarioId }).then(async (s) => {
      if (s.kind !== 'training' && s.kind !== 'pilot') return;
      setEditing(s);
      // Answers kept from before a reload win over the saved plan's.
      if (wiz.resumed) return;
      const project = (await fetchRpc('projects.list', {})).find((p) => p.id === s.projectId) ?? null;
      const typed = savedPriceTarget(s.pricesTypedAt, project);
      restart(s.kind === 'training' ? trainingValuesFromInput({ mode: 'llm', input: s.input }, typed) : trainingValuesFromInput({ mode: 'pilot', input: s.input }, typed));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  const hardware = hardwareChoices(all).filter((h) => h.memoryGb >= 4);
  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (view.isPending) return <p className="muted" role="status">Estimating the training run…</p>;
    if (!training) {
      return (
        <section className="page">
          <ErrorBanner error={planError(view.error)} />
          <button type="button" className="button" onClick={() => (setShowResult(false), wiz.reopen())}>
            Back to the questions
          </button>
        </section>
      );
    }
    const hwId = training.estimate.hardware.id;
    const preset = presetById(wiz.values.preset);
    const gpus = training.mode === 'llm' ? (training.input.gpus ?? 1) : (training.input.target?.devices ?? 1);
    return (
      <>
        <TrainingResult
          view={training}
          currency={plan.currency}
          hardwareMemoryGb={hardware.find((h) => h.id === hwId)?.memoryGb ?? null}
          today={today}
          actions={
            <ResultActions
              onChangeAnswers={() => (setShowResult(false), wiz.reopen())}
              onStartOver={() => (setShowResult(false), setEditing(null), wiz.restart(TRAINING_INITIAL))}
            />
          }
        />
        <SaveScenario
          key={editing?.id ?? 'new'}
          payload={training.mode === 'llm' ? { kind: 'training', input: training.input, result: training.estimate } : { kind: 'pilot', input: training.input, result: training.estimate }}
          defaultName={`${preset && preset.id !== 'custom' ? preset.label : `${wiz.values.params} model`} on ${gpus} x ${training.estimate.hardware.name}${training.input.owned ? ' (your own)' : ''}`}
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
      title={editing ? `Editing “${editing.name}”` : trainingWizard.title}
      stepTitles={TRAINING_STEPS.map((s) => s.title)}
      step={wiz.state.step}
      intro={wiz.step.intro}
      onBack={wiz.back}
      onNext={wiz.next}
      onCancel={() => (wiz.discard(), go({ page: 'plan' }))}
    >
      <TrainingStep stepId={wiz.step.id} values={wiz.values} errors={wiz.errors} set={wiz.set} hardware={hardware} rented={rentedDevices(all)} owned={ownedDevices(all, 'training')} providers={providersByHardware(all)}
        plan={plan.picker}
      />
    </WizardFrame>
  );
}
