import { useEffect, useMemo, useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { fetchRpc, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { AnswerRefused } from '../parts/AnswerRefused';
import { catalogDevices } from '../parts/device-groups';
import { MODEL_PRECISIONS, modelName } from '../parts/model-presets';
import { SaveScenario } from '../scenarios/SaveScenario';
import { ResultActions } from '../wizard/ResultActions';
import { useWizard } from '../wizard/useWizard';
import { WizardFrame } from '../wizard/WizardFrame';
import { deviceVerdict, purposeText } from './memory-answer';
import { MemoryResult } from './MemoryResult';
import { MemoryStep } from './MemorySteps';
import '../plan-answers.css';
import { MEMORY_INITIAL, MEMORY_STEPS, memoryValuesFromInput, memoryWizard, updateMemoryValues } from './memory-wizard';

type MemoryInput = Input<'estimate.memory'>;


/** "Will this model fit?" and its answer; opened fresh or on a saved plan to edit it. */
export function MemoryPlanPage({ scenarioId }: { scenarioId?: string | undefined }) {
  const catalog = useRpcQuery('catalog.list', {});
  const devices = useMemo(() => catalogDevices(catalog.data ?? []), [catalog.data]);
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<Scenario | null>(null);
  const [showResult, setShowResult] = useState(false);
  const [asked, setAsked] = useState<{ input: MemoryInput; deviceId: string; modelId: string } | null>(null);
  // Keyed by the answers: the same answers read the cached estimate; a catalog edit refreshes it.
  const memory = useRpcQuery('estimate.memory', asked?.input as MemoryInput, { enabled: asked !== null });
  const device = devices.find((d) => d.id === asked?.deviceId) ?? null;
  const verdict = memory.data && device && asked ? deviceVerdict(memory.data, device, asked.input.mode) : null;
  // Run uncompressed and too big for the owner's device: what 4-bit would need.
  const compressedInput = asked && asked.input.mode === 'inference' && asked.input.precision !== 'int4' ? { ...asked.input, precision: 'int4' as const } : null;
  const compressed = useRpcQuery('estimate.memory', compressedInput as MemoryInput, { enabled: compressedInput !== null && verdict !== null && verdict.kind !== 'fits' });
  const wiz = useWizard(memoryWizard, MEMORY_INITIAL, updateMemoryValues, (input, values) => {
    setShowResult(true);
    setAsked({ input, deviceId: values.device, modelId: values.model });
  }, { draftKey: scenarioId ? `plan.memory:${scenarioId}` : 'plan.memory' });
  const { restart } = wiz;
  useEffect(() => {
    if (!scenarioId) return;
    void fetchRpc('scenarios.get', { id: scenarioId }).then((s) => {
      if (s.kind !== 'memory') return;
      setEditing(s);
      // Answers kept from before a reload win over the saved plan's.
      if (!wiz.resumed) restart(memoryValuesFromInput(s.input));
    });
    // restart is stable in behaviour; re-running on its identity would reset the answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenarioId]);

  const today = new Date().toISOString().slice(0, 10);
  if (showResult) {
    if (memory.isPending) return <p className="muted" role="status">Working out the memory…</p>;
    if (!memory.data || !asked) {
      return <AnswerRefused question={memoryWizard.title} error={memory.error} onBack={() => (setShowResult(false), wiz.reopen())} />;
    }
    const { input } = asked;
    const stored = input.mode === 'inference' ? (MODEL_PRECISIONS.find((p) => p.id === input.precision)?.short ?? '') : '';
    return (
      <>
        <MemoryResult
          input={input}
          result={memory.data}
          device={device}
          devices={devices}
          compressed={compressed.data ?? null}
          today={today}
          actions={
            <ResultActions
              onChangeAnswers={() => (setShowResult(false), wiz.reopen())}
              onStartOver={() => (setShowResult(false), setEditing(null), wiz.restart(MEMORY_INITIAL))}
            />
          }
        />
        <SaveScenario
          key={editing?.id ?? 'new'}
          payload={{ kind: 'memory', input: asked.deviceId ? { ...input, hardware: asked.deviceId } : input, result: memory.data }}
          defaultName={`${modelName(asked.modelId, input.params)}${stored ? `, ${stored}` : ''}, to ${purposeText(input).replace(/ \(.*\)$/, '')}${device ? `, on ${device.name}` : ''}`.slice(0, 120)}
          editing={editing}
          typedName={wiz.planName}
          onNameChange={wiz.setPlanName}
          onSaved={wiz.discard}
        />
      </>
    );
  }
  return (
    <WizardFrame
      title={editing ? `Editing “${editing.name}”` : memoryWizard.title}
      stepTitles={MEMORY_STEPS.map((s) => s.title)}
      step={wiz.state.step}
      intro={wiz.step.intro}
      onBack={wiz.back}
      onNext={wiz.next}
      onCancel={() => (wiz.discard(), go({ page: 'plan' }))}
    >
      <MemoryStep stepId={wiz.step.id} values={wiz.values} errors={wiz.errors} set={wiz.set} devices={devices} />
    </WizardFrame>
  );
}
