import { contract, type Input } from '../../../../../shared/contract';
import { CUSTOM_MODEL, MODEL_PRECISIONS, modelChoiceOf, modelPresetById } from '../parts/model-presets';
import { PER_HOUR, priceText, readPriceUsd, typedMoneyOf, type PriceKind, type TypedPriceValues } from '../../../../../shared/budget/typed-price';
import { quantityField } from '../wizard/quantity';
import type { FieldErrors, WizardDefinition, WizardStep } from '../wizard/wizard';

/**
 * "How fast, and how much per request?": which model, on which device, and how big a request is.
 * The answers become an `estimate.inference` input, checked by the contract's own schema; a
 * price per hour is typed in the project's currency (parts/typed-price.ts) and sent in dollars.
 */
export interface InferenceValues extends Record<string, string>, TypedPriceValues {
  model: string;
  params: string;
  precision: string;
  hardwareId: string;
  serving: string;
  pricePerHour: string;
  promptTokens: string;
  outputTokens: string;
  batch: string;
  /** The project's currency and rate (not questions: the page sets them). */
  currency: string;
  usdRate: string;
}

/** The field that holds a price typed in the project's currency. */
export const INFERENCE_PRICE_FIELDS: ReadonlyArray<readonly [keyof InferenceValues & string, PriceKind]> = [['pricePerHour', PER_HOUR]];

export const SERVING_CHOICES: ReadonlyArray<{ id: 'optimized' | 'plain'; label: string; explain: string }> = [
  { id: 'optimized', label: 'A program built for serving', explain: 'vLLM, llama.cpp, Ollama, TGI or TensorRT-LLM: what most people run.' },
  { id: 'plain', label: 'A simple script', explain: 'The model library called from your own code: easy to set up, slower for every word.' },
];

export const INFERENCE_STEPS: ReadonlyArray<WizardStep<InferenceValues>> = [
  { id: 'model', title: 'Which model?', intro: 'Pick the closest size, or type your own, and how it is stored.', fields: ['model', 'params', 'precision'] },
  { id: 'device', title: 'On which device?', intro: 'The device’s memory speed decides how fast the words come; its rental price what they cost.', fields: ['hardwareId', 'serving', 'pricePerHour'] },
  { id: 'request', title: 'How big is one request?', intro: 'Longer questions take longer to read, longer answers longer to write.', fields: ['promptTokens', 'outputTokens', 'batch'] },
];

// 512 tokens in and 256 out: the estimator's own default request (shared/budget/inference-defaults.ts).
export const INFERENCE_INITIAL: InferenceValues = { model: 'llama-8b', params: '8.03B', precision: 'fp16', hardwareId: 'l4', serving: 'optimized', pricePerHour: '', promptTokens: '512', outputTokens: '256', batch: '1', currency: 'USD', usdRate: '1' };

/** Picking a listed model fills its size; typing a size switches to "another size". */
export function updateInferenceValues(values: InferenceValues, field: keyof InferenceValues & string, value: string): InferenceValues {
  const next = { ...values, [field]: value };
  if (field === 'model') {
    const preset = modelPresetById(value);
    if (preset) next.params = modelChoiceOf(preset.params, preset.shape.layers).params;
  }
  if (field === 'params' && modelPresetById(values.model)) next.model = CUSTOM_MODEL;
  return next;
}

function num(values: InferenceValues, field: keyof InferenceValues & string, errors: FieldErrors<InferenceValues>, hint: string): number | undefined {
  return quantityField(values[field], field, errors, hint);
}

/** The price per hour in the estimator's dollars; a message on the field when it does not read as one. */
function pricePerHour(values: InferenceValues, errors: FieldErrors<InferenceValues>): number | undefined {
  const r = readPriceUsd(values.pricePerHour, 'Price per hour', PER_HOUR, typedMoneyOf(values));
  if ('error' in r) {
    errors.pricePerHour = r.error;
    return undefined;
  }
  return r.usd;
}

export function buildInference(values: InferenceValues): { candidate: Partial<Input<'estimate.inference'>>; errors: FieldErrors<InferenceValues> } {
  const errors: FieldErrors<InferenceValues> = {};
  const preset = modelPresetById(values.model);
  if (!preset && values.model !== CUSTOM_MODEL) errors.model = 'Pick a model';
  const params = preset ? preset.params : num(values, 'params', errors, '7B or 7000000000');
  if (!preset && values.params.trim() === '' && !errors.model) errors.params = 'Model size is needed: type the number of parameters, like 7B';
  const precision = MODEL_PRECISIONS.find((p) => p.id === values.precision)?.id;
  if (!precision) errors.precision = 'Pick how the model is stored';
  const serving = SERVING_CHOICES.find((s) => s.id === values.serving)?.id;
  if (!serving) errors.serving = 'Pick the serving program';
  if (!values.hardwareId) errors.hardwareId = 'Pick the hardware';
  const price = pricePerHour(values, errors);
  const promptTokens = num(values, 'promptTokens', errors, '512');
  const outputTokens = num(values, 'outputTokens', errors, '256');
  const batch = num(values, 'batch', errors, '1 or 8');
  for (const [field, label] of [['promptTokens', 'Question length'], ['outputTokens', 'Answer length'], ['batch', 'Requests answered together']] as const) {
    if (values[field].trim() === '') errors[field] = `${label} is needed`;
  }
  const candidate = {
    params,
    hardware: values.hardwareId,
    ...(precision ? { precision } : {}),
    ...(serving ? { serving } : {}),
    ...(promptTokens !== undefined ? { promptTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(batch !== undefined ? { batch } : {}),
    ...(preset ? { layers: preset.shape.layers, kvHeads: preset.shape.kvHeads, headDim: preset.shape.headDim } : {}),
    ...(price !== undefined ? { pricePerHourUsd: price } : {}),
  };
  return { candidate: candidate as Partial<Input<'estimate.inference'>>, errors };
}

const FIELD_OF: Record<string, keyof InferenceValues & string> = {
  params: 'params',
  precision: 'precision',
  hardware: 'hardwareId',
  gpus: 'hardwareId',
  serving: 'serving',
  pricePerHourUsd: 'pricePerHour',
  promptTokens: 'promptTokens',
  outputTokens: 'outputTokens',
  batch: 'batch',
  layers: 'model',
};

export function inferenceFieldOf(path: string): (keyof InferenceValues & string) | undefined {
  return FIELD_OF[path.split('.')[0] ?? ''];
}

const INFERENCE_LABELS = {
  params: 'Model size',
  hardwareId: 'Hardware',
  pricePerHour: 'Price per hour',
  promptTokens: 'Question length',
  outputTokens: 'Answer length',
  batch: 'Requests answered together',
} as const;

export const inferenceWizard: WizardDefinition<InferenceValues, Input<'estimate.inference'>> = {
  id: 'inference',
  title: 'How fast, and how much per request?',
  steps: INFERENCE_STEPS,
  initial: INFERENCE_INITIAL,
  build: buildInference,
  schema: contract['estimate.inference'].input,
  fieldOf: inferenceFieldOf,
  labels: INFERENCE_LABELS,
};

/** A saved inference input back into the answers, so a saved plan reopens here; its price in the currency of `typed` (the project's). */
export function inferenceValuesFromInput(input: Input<'estimate.inference'>, typed: TypedPriceValues = { currency: 'USD', usdRate: '1' }): InferenceValues {
  const { model, params } = modelChoiceOf(input.params, input.layers);
  const price = input.pricePerHourUsd;
  return {
    model,
    params,
    precision: MODEL_PRECISIONS.find((p) => p.id === input.precision)?.id ?? INFERENCE_INITIAL.precision,
    hardwareId: input.hardware,
    serving: input.serving ?? 'optimized',
    pricePerHour: typeof price === 'number' ? priceText(price, PER_HOUR, typedMoneyOf(typed)) : '',
    promptTokens: String(input.promptTokens ?? INFERENCE_INITIAL.promptTokens),
    outputTokens: String(input.outputTokens ?? INFERENCE_INITIAL.outputTokens),
    batch: String(input.batch ?? 1),
    currency: typed.currency,
    usdRate: typed.usdRate,
  };
}
