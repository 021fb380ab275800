import type { Workload } from '../../../../../shared/contract/estimate';

type DataSensitivity = Workload['dataSensitivity'];
type WorkloadModel = NonNullable<Workload['model']>;

/**
 * What the AI does, in the owner's words, mapped to a workload shape the estimator understands.
 * The numbers are typical sizes, named so the result page can show them as assumptions.
 */
export type TaskId = 'chat' | 'documents' | 'texts' | 'images';
export type ModelSizeId = 'small' | 'large';

export interface TaskPreset {
  id: TaskId;
  label: string;
  explain: string;
  /** LLM tasks: tokens in and out of one request. */
  tokens?: { input: number; output: number };
  /** Other models: work per item (GFLOPs), items per request, and an API price per item. */
  items?: { perRequest: number; gflopsPerItem: number; apiUsdPerItem: number; source: string };
}

export const TASKS: readonly TaskPreset[] = [
  { id: 'chat', label: 'Answer questions in a chat', explain: 'A chat assistant: a short question in, a paragraph out (about 400 words in, 250 out).', tokens: { input: 550, output: 330 } },
  { id: 'documents', label: 'Read and summarise documents', explain: 'A few pages in, a summary out (about 2,300 words in, 300 out).', tokens: { input: 3000, output: 400 } },
  // About 0.75 words per token (OpenAI's rule of thumb): 150 words of product facts and instructions in, 190 words out.
  { id: 'texts', label: 'Write short texts (product descriptions)', explain: 'A few facts in, a short text out: a product description, an e-mail reply (about 150 words in, 190 out).', tokens: { input: 200, output: 250 } },
  {
    id: 'images',
    label: 'Recognise what is in photos',
    explain: 'One photo in, a label out, with a ResNet-50-sized image model.',
    items: { perRequest: 1, gflopsPerItem: 8.2, apiUsdPerItem: 0.0015, source: 'ResNet-50: 4.1 GMACs = 8.2 GFLOPs per image (torchvision model card); API: Google Cloud Vision label detection $1.50 per 1,000 images (cloud.google.com/vision/pricing)' },
  },
];

export interface ModelSizePreset {
  id: ModelSizeId;
  label: string;
  explain: string;
  /** The technical particulars, shown behind a "Details" toggle. */
  details: string;
  model: WorkloadModel;
  /** The hosted API of comparable quality, a catalog row id. */
  apiId: string;
  cloudHardwareId: string;
  ownedHardwareId: string;
  ownedPriceUsd: number;
}

/** Architecture numbers are Llama 3.1's (Meta model cards): layers, KV heads, head size. */
export const MODEL_SIZES: readonly ModelSizePreset[] = [
  {
    id: 'small',
    label: 'A small, fast model',
    explain: 'Good for routine answers and short texts; compared with a low-cost AI service.',
    details: 'About 8 billion parameters, like Llama 3.1 8B, at 16-bit precision (32 layers, 8 key-value heads of 128); the AI service compared is GPT-4o mini.',
    model: { params: 8e9, precision: 'fp16', layers: 32, kvHeads: 8, headDim: 128 },
    apiId: 'gpt-4o-mini',
    cloudHardwareId: 'l4',
    ownedHardwareId: 'rtx-4090',
    ownedPriceUsd: 2500,
  },
  {
    id: 'large',
    label: 'A large, capable model',
    explain: 'Better at hard questions, slower and dearer; compared with a top AI service.',
    details: 'About 70 billion parameters, like Llama 3.1 70B, at 8-bit precision (80 layers, 8 key-value heads of 128); the AI service compared is GPT-4o.',
    model: { params: 70e9, precision: 'int8', layers: 80, kvHeads: 8, headDim: 128 },
    apiId: 'gpt-4o',
    cloudHardwareId: 'a100-80gb',
    // The PCIe card: the SXM board is sold only inside 8-GPU servers.
    ownedHardwareId: 'a100-pcie-80gb',
    ownedPriceUsd: 18000,
  },
];

/** For image work the owned device is a small edge box, the cloud one an inference GPU. */
export const IMAGE_DEVICES = { cloudHardwareId: 't4', ownedHardwareId: 'jetson-orin-nano', ownedPriceUsd: 500 } as const;

export type SpeedId = 'instant' | 'seconds' | 'minute' | 'any';
export const SPEEDS: ReadonlyArray<{ id: SpeedId; label: string; explain: string; latencyMs: number | null }> = [
  { id: 'instant', label: 'Instantly', explain: 'Someone is waiting on screen: the whole answer within 2 seconds.', latencyMs: 2000 },
  { id: 'seconds', label: 'Within a few seconds', explain: 'A person waits, but can tolerate up to 10 seconds.', latencyMs: 10_000 },
  { id: 'minute', label: 'Within a minute', explain: 'Background work someone checks later.', latencyMs: 60_000 },
  { id: 'any', label: 'Speed does not matter', explain: 'Overnight batches: only the cost counts.', latencyMs: null },
];

export const PRIVACY: ReadonlyArray<{ id: DataSensitivity; label: string; explain: string }> = [
  { id: 'public', label: 'Public', explain: 'Anyone may see it (published texts, product photos).' },
  { id: 'internal', label: 'Internal', explain: 'Company data that may go to a provider under contract.' },
  { id: 'confidential', label: 'Confidential', explain: 'Must not be sent to an AI company, but may sit on a cloud machine you rent.' },
  { id: 'restricted', label: 'Must stay here', explain: 'Health, legal or personal data that must not leave your own hardware.' },
];

export function taskById(id: string): TaskPreset | undefined {
  return TASKS.find((t) => t.id === id);
}
export function sizeById(id: string): ModelSizePreset | undefined {
  return MODEL_SIZES.find((s) => s.id === id);
}
