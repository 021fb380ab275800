import { contract, type Input } from '../../../../../shared/contract';
import { CUSTOM_MODEL, MODEL_PRECISIONS, modelChoiceOf, modelPresetById } from '../parts/model-presets';
import { quantityField } from '../wizard/quantity';
import type { FieldErrors, WizardDefinition, WizardStep } from '../wizard/wizard';

/**
 * "Will this model fit?": which model, what you will do with it, how much text it keeps in view,
 * and (optionally) your device. The answers become an `estimate.memory` input, checked by the
 * contract's own schema; the device is not part of it (the answer page reads it from the catalog),
 * but a saved plan keeps it (`hardware`), so it reopens on it.
 */
export interface MemoryValues extends Record<string, string> {
  model: string;
  params: string;
  use: string;
  precision: string;
  context: string;
  device: string;
}

export type MemoryUse = 'run' | 'qlora' | 'lora' | 'train';

export const MEMORY_USES: ReadonlyArray<{ id: MemoryUse; label: string; explain: string }> = [
  { id: 'run', label: 'Run it and ask it things', explain: 'Load the model and use it, as a chat app or Ollama does.' },
  { id: 'qlora', label: 'Fine-tune it on a budget', explain: 'Teach it your own examples with a small add-on over a 4-bit copy of the model (QLoRA): the least memory.' },
  { id: 'lora', label: 'Fine-tune it', explain: 'Teach it your own examples with a small add-on over the full model (LoRA).' },
  { id: 'train', label: 'Train every weight', explain: 'Full training or full fine-tuning: every weight learns. Needs by far the most memory.' },
];

/** LoRA adapter rank when none is asked for: 16, a common default (e.g. Hugging Face PEFT examples use 8 to 64). */
export const LORA_RANK = 16;

export const MEMORY_STEPS: ReadonlyArray<WizardStep<MemoryValues>> = [
  { id: 'model', title: 'Which model?', intro: 'Pick the closest size, or type your own. The “8B” in a model’s name means 8 billion parameters.', fields: ['model', 'params'] },
  { id: 'use', title: 'What will you do with it, and on what?', intro: 'Running a model needs far less memory than teaching it.', fields: ['use', 'precision', 'context', 'device'] },
];

export const MEMORY_INITIAL: MemoryValues = { model: 'llama-8b', params: '8.03B', use: 'run', precision: 'fp16', context: '4k', device: '' };

/** Picking a listed model fills its size; typing a size switches to "another size". */
export function updateMemoryValues(values: MemoryValues, field: keyof MemoryValues & string, value: string): MemoryValues {
  const next = { ...values, [field]: value };
  if (field === 'model') {
    const preset = modelPresetById(value);
    if (preset) next.params = modelChoiceOf(preset.params, preset.shape.layers).params;
  }
  if (field === 'params' && modelPresetById(values.model)) next.model = CUSTOM_MODEL;
  return next;
}

export function memoryUse(values: MemoryValues): MemoryUse {
  return (MEMORY_USES.find((u) => u.id === values.use)?.id ?? 'run') as MemoryUse;
}

function count(values: MemoryValues, field: 'params' | 'context', errors: FieldErrors<MemoryValues>, hint: string): number | undefined {
  return quantityField(values[field], field, errors, hint);
}

export function buildMemory(values: MemoryValues): { candidate: Partial<Input<'estimate.memory'>>; errors: FieldErrors<MemoryValues> } {
  const errors: FieldErrors<MemoryValues> = {};
  const preset = modelPresetById(values.model);
  if (!preset && values.model !== CUSTOM_MODEL) errors.model = 'Pick a model';
  const params = preset ? preset.params : count(values, 'params', errors, '7B or 7000000000');
  if (!preset && values.params.trim() === '' && !errors.model) errors.params = 'Model size is needed: type the number of parameters, like 7B';
  const context = count(values, 'context', errors, '4k or 4096');
  if (values.context.trim() === '') errors.context = 'Text kept in view is needed, like 4k';
  const use = MEMORY_USES.find((u) => u.id === values.use)?.id;
  if (!use) errors.use = 'Pick what you will do with the model';
  const shape = preset?.shape;
  if ((use === 'lora' || use === 'qlora') && !shape) errors.use = 'Fine-tuning needs the model’s shape: pick one of the listed sizes, or “Train every weight”';
  if (use === 'run' || !use) {
    const precision = MODEL_PRECISIONS.find((p) => p.id === values.precision)?.id;
    if (!precision) errors.precision = 'Pick how the model is stored';
    const candidate = {
      params,
      mode: 'inference' as const,
      ...(precision ? { precision } : {}),
      ...(context !== undefined ? { context } : {}),
      ...(shape ? { layers: shape.layers, kvHeads: shape.kvHeads, headDim: shape.headDim } : {}),
    };
    return { candidate: candidate as Partial<Input<'estimate.memory'>>, errors };
  }
  // Training: 16-bit mixed precision with Adam, sharded over as many devices as it takes (ZeRO-3),
  // FlashAttention as current training libraries use; activations need the model's shape.
  // Fine-tuning recomputes activations instead of keeping them (gradient checkpointing), as the
  // QLoRA paper's runs and the PEFT fine-tuning recipes do.
  const fineTune = use === 'lora' || use === 'qlora';
  const candidate = {
    params,
    mode: 'training' as const,
    precision: 'bf16' as const,
    zero: 3 as const,
    ...(shape && context !== undefined ? { layers: shape.layers, hidden: shape.hidden, heads: shape.heads, seq: context, microBatch: 1, attention: 'flash' as const, ...(fineTune ? { recompute: 'full' as const } : {}) } : {}),
    ...(use === 'lora' ? { lora: { rank: LORA_RANK } } : use === 'qlora' ? { lora: { rank: LORA_RANK, qlora: true } } : {}),
  };
  return { candidate: candidate as Partial<Input<'estimate.memory'>>, errors };
}

export function memoryFieldOf(path: string): (keyof MemoryValues & string) | undefined {
  const head = path.split('.')[0] ?? '';
  if (head === 'params') return 'params';
  if (head === 'context' || head === 'seq') return 'context';
  if (head === 'precision') return 'precision';
  if (head === 'lora' || head === 'mode') return 'use';
  if (['layers', 'hidden', 'heads', 'kvHeads', 'headDim', 'microBatch'].includes(head)) return 'model';
  return undefined;
}

export const memoryWizard: WizardDefinition<MemoryValues, Input<'estimate.memory'>> = {
  id: 'memory',
  title: 'Will this model fit?',
  steps: MEMORY_STEPS,
  initial: MEMORY_INITIAL,
  build: buildMemory,
  schema: contract['estimate.memory'].input,
  fieldOf: memoryFieldOf,
  labels: { params: 'Model size', context: 'Text kept in view' },
};

/** A saved memory input back into the answers, so a saved plan reopens here, on the device it was saved with. */
export function memoryValuesFromInput(input: Input<'estimate.memory'>, device = input.hardware ?? ''): MemoryValues {
  const { model, params } = modelChoiceOf(input.params, input.layers);
  const use: MemoryUse = input.mode === 'inference' ? 'run' : input.lora ? (input.lora.qlora ? 'qlora' : 'lora') : 'train';
  const precision = MODEL_PRECISIONS.find((p) => p.id === input.precision)?.id ?? MEMORY_INITIAL.precision;
  const context = input.mode === 'inference' ? input.context : input.seq;
  return { model, params, use, precision, context: context !== undefined ? String(context) : MEMORY_INITIAL.context, device };
}
