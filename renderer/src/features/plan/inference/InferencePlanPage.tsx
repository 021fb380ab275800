import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { AnswerRefused } from '../parts/AnswerRefused';
import { catalogDevices } from '../parts/device-groups';
import { MODEL_PRECISIONS, modelName } from '../parts/model-presets';
import { savedPriceTarget } from '../../../../../shared/budget/typed-price';
import { usePlanProject, useTypedPriceSync } from '../parts/use-plan-project';
import { SaveScenario } from '../scenarios/SaveScenario';
import { ResultActions } from '../wizard/ResultActions';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import '../plan-answers.css';
import { InferenceResult } from './InferenceResult';
import { InferenceStep } from './InferenceSteps';
import { INFERENCE_INITIAL, INFERENCE_PRICE_FIELDS, INFERENCE_STEPS, inferenceValuesFromInput, inferenceWizard, updateInferenceValues } from './inference-wizard';

type InferenceInput = Input<'estimate.inference'>;


/** "How fast, and how much per request?" and its answer; opened fresh or on a saved plan to edit it. */
export function InferencePlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const catalog = useRpcQuery('catalog.list', {});
  const devices = useMemo(() => catalogDevices(catalog.data ?? []), [catalog.data]);
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [showResult, setShowResult] = useState(false);
  const [asked, setAsked] = useState<{ input: InferenceInput; modelId: string } | null>(null);
  // Keyed by the answers: the same answers read the cached estimate; a catalog edit prices it again.
  const serving = useRpcQuery('estimate.inference', asked?.input as InferenceInput, { enabled: asked !== null });
  const wiz = useWizard(inferenceWizard, INFERENCE_INITIAL, updateInferenceValues, (input, values) => {
    setShowResult(true);
    setAsked({ input, modelId: values.model });
  }, { draftKey: scenarioId ? `plan.inference:${scenarioId}` : 'plan.inference' });
  const { restart } = wiz;
  // The project the answer is for: the price is typed, and the cost shown, in its currency.
  const plan = usePlanProject(editing);
  useTypedPriceSync(plan, wiz.values, wiz.patch, INFERENCE_PRICE_FIELDS);
  useEffect(() => {
    if (!scenarioId) return;
    void fetchRpc('scenarios.get', { id: scenarioId }).then(async (s) => {
      if (s.kind !== 'inference') return;
      setEditing(s);
      // Answers kept from before a reload win over the saved plan's.
      if (wiz.resumed) return;
      const project = (await fetchRpc('projects.list', {})).find((p) => p.id === s.projectId) ?? null;
      restart(inferenceValuesFromInput(s.input, savedPriceTarget(s.pricesTypedAt, project)));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (serving.isPending) return <p className="muted" role="status">Working out the speed and cost…</p>;
    if (!serving.data || !asked) {
      return <AnswerRefused question={inferenceWizard.title} error={serving.error} onBack={() => (setShowResult(false), wiz.reopen())} />;
    }
    const { input } = asked;
    const r = serving.data;
    const stored = MODEL_PRECISIONS.find((p) => p.id === input.precision)?.short;
    return (
      <>
        <InferenceResult
          input={input}
          result={r}
          currency={plan.currency}
          today={today}
          actions={
            <ResultActions
              onChangeAnswers={() => (setShowResult(false), wiz.reopen())}
              onStartOver={() => (setShowResult(false), setEditing(null), wiz.restart(INFERENCE_INITIAL))}
            />
          }
        />
        <SaveScenario
          key={editing?.id ?? 'new'}
          payload={{ kind: 'inference', input, result: r }}
          defaultName={`${modelName(asked.modelId, input.params)}${stored ? `, ${stored}` : ''}, on ${r.gpus === 1 ? '' : `${r.gpus} x `}${r.hardware.name}`.slice(0, 120)}
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
      title={editing ? `Editing “${editing.name}”` : inferenceWizard.title}
      stepTitles={INFERENCE_STEPS.map((s) => s.title)}
      step={wiz.state.step}
      intro={wiz.step.intro}
      onBack={wiz.back}
      onNext={wiz.next}
      onCancel={() => (wiz.discard(), go({ page: 'plan' }))}
    >
      <InferenceStep
        stepId={wiz.step.id}
        values={wiz.values}
        errors={wiz.errors}
        set={wiz.set}
        devices={devices}
        plan={plan.picker}
      />
    </WizardFrame>
  );
}
