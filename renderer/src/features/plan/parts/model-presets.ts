import { formatQuantity } from '../wizard/quantity';

/**
 * Language models people recognise, with the shape the memory and speed estimates need: the
 * conversation a model keeps in view (its attention cache) grows with layers x KV heads x head
 * size, and training activations with layers x hidden size x heads. Sizes and shapes are Meta's
 * published configurations (Hugging Face config.json of Llama 3.2 1B and 3B, Llama 3.1 8B, 70B
 * and 405B); the parameter counts follow from them (Llama 3.2 1B: 1,235,814,400 with its tied
 * embedding counted once) and agree with the model cards to their rounding. A size typed by hand
 * has no shape: the answer then says what it leaves out.
 */
export interface ModelShape {
  layers: number;
  hidden: number;
  heads: number;
  kvHeads: number;
  headDim: number;
}

export interface ModelPreset {
  id: string;
  label: string;
  /** The published model of this size and shape. */
  like: string;
  explain: string;
  params: number;
  shape: ModelShape;
}

export const CUSTOM_MODEL = 'custom';

export const MODEL_PRESETS: readonly ModelPreset[] = [
  { id: 'llama-1b', label: 'Tiny: 1 billion', like: 'Llama 3.2 1B', explain: 'Like Llama 3.2 1B. Short answers and simple sorting; runs on a phone or a small board.', params: 1.24e9, shape: { layers: 16, hidden: 2048, heads: 32, kvHeads: 8, headDim: 64 } },
  { id: 'llama-3b', label: 'Small: 3 billion', like: 'Llama 3.2 3B', explain: 'Like Llama 3.2 3B. Summaries and simple questions on a laptop.', params: 3.21e9, shape: { layers: 28, hidden: 3072, heads: 24, kvHeads: 8, headDim: 128 } },
  { id: 'llama-8b', label: 'Medium: 8 billion', like: 'Llama 3.1 8B', explain: 'Like Llama 3.1 8B. A capable assistant; the size most people run themselves.', params: 8.03e9, shape: { layers: 32, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128 } },
  { id: 'llama-70b', label: 'Large: 70 billion', like: 'Llama 3.1 70B', explain: 'Like Llama 3.1 70B. Close to the best hosted models on many tasks; needs serious hardware.', params: 70.6e9, shape: { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, headDim: 128 } },
  { id: 'llama-405b', label: 'Huge: 405 billion', like: 'Llama 3.1 405B', explain: 'Like Llama 3.1 405B. The largest open model; a rack of data-centre GPUs.', params: 405e9, shape: { layers: 126, hidden: 16384, heads: 128, kvHeads: 8, headDim: 128 } },
];

/** The choices the model question offers: the presets, then "a size I type". */
export const MODEL_CHOICES: ReadonlyArray<{ id: string; label: string; explain: string }> = [
  ...MODEL_PRESETS,
  { id: CUSTOM_MODEL, label: 'Another size', explain: 'Type the number of parameters yourself (the “7B” in a model’s name). How much it remembers of a conversation is then not counted.' },
];

/** How the weights are stored when the model runs: the bigger the saving, the more answers suffer. */
export const MODEL_PRECISIONS: ReadonlyArray<{ id: 'fp16' | 'int8' | 'int4'; short: string; label: string; explain: string }> = [
  { id: 'fp16', short: '16-bit', label: 'As published (16-bit)', explain: 'Full quality: 2 bytes for every parameter.' },
  { id: 'int8', short: '8-bit', label: 'Compressed to 8-bit', explain: 'Almost the same answers in about half the memory.' },
  { id: 'int4', short: '4-bit', label: 'Compressed to 4-bit', explain: 'What Ollama and LM Studio usually download: about a quarter of the memory, slightly weaker answers.' },
];

export function modelPresetById(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((m) => m.id === id);
}

/** The preset a saved input was made from (same size and shape), else "another size". */
export function modelChoiceOf(params: number, layers: number | undefined): { model: string; params: string } {
  const hit = MODEL_PRESETS.find((m) => m.params === params && (layers === undefined || m.shape.layers === layers));
  return hit && layers !== undefined ? { model: hit.id, params: formatQuantity(hit.params) } : { model: CUSTOM_MODEL, params: formatQuantity(params) };
}

/** The name a plan is saved under: "Llama 3.1 8B-size model" or "a 7B model". */
export function modelName(modelId: string, params: number): string {
  const preset = modelPresetById(modelId);
  return preset ? `${preset.like}-size model` : `${formatQuantity(params)} model`;
}
