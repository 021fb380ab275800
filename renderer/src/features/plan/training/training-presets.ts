/**
 * Starting points for "What will training cost?". Language models are estimated from model and
 * data size (6 x params x tokens FLOPs); other models (an image classifier) from a measured
 * trial run scaled to the full job, because their compute per item is not a simple formula.
 */
export type PresetId = 'llm-1b' | 'llm-7b' | 'llm-70b' | 'resnet50' | 'custom';

export interface TrainingPreset {
  id: PresetId;
  label: string;
  explain: string;
  mode: 'llm' | 'pilot';
  params?: string;
  tokens?: string;
}

/** Token counts are 20 per parameter, the compute-optimal rule of Hoffmann et al. (2022). */
export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  { id: 'llm-1b', label: '1B language model', explain: 'A small language model, 1 billion parameters, trained from scratch on 20 billion words-pieces (tokens).', mode: 'llm', params: '1B', tokens: '20B' },
  { id: 'llm-7b', label: '7B language model', explain: 'The size of Llama 2 7B or Mistral 7B, trained from scratch on 140 billion tokens.', mode: 'llm', params: '7B', tokens: '140B' },
  { id: 'llm-70b', label: '70B language model', explain: 'The size of Chinchilla, trained from scratch on 1.4 trillion tokens.', mode: 'llm', params: '70B', tokens: '1.4T' },
  { id: 'resnet50', label: 'ResNet-50 on 1M images', explain: 'An image classifier trained for 90 passes over 1 million photos (the ImageNet recipe), scaled up from a short trial run you measured.', mode: 'pilot' },
  { id: 'custom', label: 'My own language model', explain: 'Type the model size and the amount of text yourself.', mode: 'llm' },
];

export function presetById(id: string): TrainingPreset | undefined {
  return TRAINING_PRESETS.find((p) => p.id === id);
}

