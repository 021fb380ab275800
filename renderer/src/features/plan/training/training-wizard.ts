import { z } from 'zod';
import { contract, type Input } from '../../../../../shared/contract';
import { AMOUNT, PER_HOUR, PER_KWH, priceText, readPriceUsd, typedMoneyOf, type PriceKind, type TypedPriceValues } from '../../../../../shared/budget/typed-price';
import { parseQuantity, formatQuantity } from '../wizard/quantity';
import type { FieldErrors, WizardDefinition, WizardStep } from '../wizard/wizard';
import { TRAINING_PRESETS, presetById } from './training-presets';

/**
 * "What will training cost?": model, data, hardware. A language model becomes an
 * `estimate.training` input; the image preset becomes an `estimate.pilot` input (a measured
 * trial scaled to the whole job). Both are checked by the contract's own schemas. Prices are
 * typed in the project's currency (parts/typed-price.ts) and sent to the estimator in dollars.
 */
export interface TrainingValues extends Record<string, string>, TypedPriceValues {
  preset: string;
  params: string;
  tokens: string;
  images: string;
  epochs: string;
  pilotItems: string;
  pilotSeconds: string;
  pilotHardwareId: string;
  hardwareId: string;
  gpus: string;
  /** A rental price per GPU-hour in the typed currency; empty: the catalog's. */
  pricePerGpuHour: string;
  /** Price at one provider's catalog rows; empty: all providers (lowest, weighted median, highest). */
  provider: string;
  /** 'rent': cloud GPUs at a rental price; 'own': GPUs you already have, costed by electricity. */
  use: string;
  /** The owned GPU, kept apart from the rented one so switching back and forth loses neither. */
  ownedHardwareId: string;
  /** Per kWh, in the typed currency; empty: the dated default tariff. */
  electricityPrice: string;
  /** 'paid': the purchase is not counted; 'writeOff': spread over writeOffMonths. */
  purchase: string;
  /** Price of one GPU, in the typed currency. */
  purchasePrice: string;
  writeOffMonths: string;
  /** The project's currency and rate (not questions: the page sets them). */
  currency: string;
  usdRate: string;
}

/** The fields that hold prices typed in the project's currency. */
export const TRAINING_PRICE_FIELDS: ReadonlyArray<readonly [keyof TrainingValues & string, PriceKind]> = [
  ['pricePerGpuHour', PER_HOUR],
  ['electricityPrice', PER_KWH],
  ['purchasePrice', AMOUNT],
];

const PRICE_LABELS = { pricePerGpuHour: 'The price per GPU-hour', electricityPrice: 'The electricity price', purchasePrice: 'The purchase price' } as const;

/** The two ways to get GPUs, as the hardware step asks. */
export const HARDWARE_USES = [
  { id: 'rent', label: 'Rent GPUs in the cloud', explain: 'Pay by the hour; we price them from the catalog.' },
  { id: 'own', label: 'Use GPUs I already own', explain: 'Pay for the electricity, and if you like a share of what the GPUs cost you.' },
] as const;

export const PURCHASE_CHOICES = [
  { id: 'paid', label: 'Already paid', explain: 'Count only the electricity.' },
  { id: 'writeOff', label: 'Count what they cost', explain: 'Spread the purchase price over the months you will use them, and charge this run its share.' },
] as const;

export const TRAINING_STEPS: ReadonlyArray<WizardStep<TrainingValues>> = [
  { id: 'model', title: 'What are you training?', intro: 'Pick the closest example or type your own model size.', fields: ['preset', 'params'] },
  { id: 'data', title: 'How much data will it learn from?', intro: 'More data means more computing, so more time and money.', fields: ['tokens', 'images', 'epochs', 'pilotItems', 'pilotSeconds', 'pilotHardwareId'] },
  {
    id: 'hardware',
    title: 'On which hardware, and how many?',
    intro: 'More GPUs finish sooner; the total GPU time, and so the cost, stays about the same.',
    fields: ['use', 'hardwareId', 'ownedHardwareId', 'gpus', 'pricePerGpuHour', 'provider', 'electricityPrice', 'purchase', 'purchasePrice', 'writeOffMonths'],
  },
];

export const TRAINING_INITIAL: TrainingValues = {
  preset: 'llm-7b',
  params: '7B',
  tokens: '140B',
  images: '1M',
  epochs: '90',
  // An example trial: 10,000 images in 40 s on one T4 (about 250 images/s); replace with yours.
  pilotItems: '10000',
  pilotSeconds: '40',
  pilotHardwareId: 't4',
  hardwareId: 'a100-80gb',
  gpus: '8',
  pricePerGpuHour: '',
  provider: '',
  use: 'rent',
  ownedHardwareId: 'rtx-4090',
  electricityPrice: '',
  purchase: 'paid',
  purchasePrice: '',
  writeOffMonths: '36',
  currency: 'USD',
  usdRate: '1',
};

/** Picking a preset fills its sizes; typing a size switches to "my own model". */
export function updateTrainingValues(values: TrainingValues, field: keyof TrainingValues & string, value: string): TrainingValues {
  const next = { ...values, [field]: value };
  if (field === 'preset') {
    const p = presetById(value);
    if (p?.params) next.params = p.params;
    if (p?.tokens) next.tokens = p.tokens;
  }
  if ((field === 'params' || field === 'tokens') && presetById(values.preset)?.mode === 'llm') {
    const p = presetById(values.preset);
    if (p && p.id !== 'custom' && (next.params !== p.params || next.tokens !== p.tokens)) next.preset = 'custom';
  }
  return next;
}

export function trainingMode(values: TrainingValues): 'llm' | 'pilot' {
  return presetById(values.preset)?.mode ?? 'llm';
}

export type TrainingCandidate = { mode: 'llm'; input: Input<'estimate.training'> } | { mode: 'pilot'; input: Input<'estimate.pilot'> };

function num(values: TrainingValues, field: keyof TrainingValues & string, errors: FieldErrors<TrainingValues>, hint: string): number | undefined {
  const n = parseQuantity(values[field]);
  if (n === null) return undefined;
  if (Number.isNaN(n)) {
    errors[field] = `Enter a number, like ${hint}`;
    return undefined;
  }
  return n;
}

/** A typed price in the estimator's dollars; a message on the field when it does not read as one. */
function price(values: TrainingValues, field: keyof typeof PRICE_LABELS, errors: FieldErrors<TrainingValues>): number | undefined {
  const kind = TRAINING_PRICE_FIELDS.find(([f]) => f === field)?.[1] ?? AMOUNT;
  const r = readPriceUsd(values[field], PRICE_LABELS[field], kind, typedMoneyOf(values));
  if ('error' in r) {
    errors[field] = r.error;
    return undefined;
  }
  return r.usd;
}

/** The `owned` input of GPUs you already have; undefined when they are rented. */
function ownedInput(values: TrainingValues, errors: FieldErrors<TrainingValues>): Input<'estimate.training'>['owned'] {
  if (values.use !== 'own') return undefined;
  const electricity = price(values, 'electricityPrice', errors);
  if (values.purchase !== 'writeOff') return electricity !== undefined ? { electricityUsdPerKwh: electricity } : {};
  const purchase = price(values, 'purchasePrice', errors);
  if (purchase === undefined) errors.purchasePrice ??= 'What did one GPU cost you? Or choose “Already paid”';
  const months = num(values, 'writeOffMonths', errors, '36');
  return { ...(electricity !== undefined ? { electricityUsdPerKwh: electricity } : {}), ...(purchase !== undefined ? { purchaseUsd: purchase } : {}), ...(months !== undefined ? { writeOffMonths: months } : {}) };
}

export function buildTraining(values: TrainingValues): { candidate: TrainingCandidate; errors: FieldErrors<TrainingValues> } {
  const errors: FieldErrors<TrainingValues> = {};
  if (!presetById(values.preset)) errors.preset = 'Pick what you are training';
  const gpus = num(values, 'gpus', errors, '8');
  const owned = ownedInput(values, errors);
  // A rental price and a provider mean nothing for GPUs you own: they are not sent.
  const rental = owned ? undefined : price(values, 'pricePerGpuHour', errors);
  const provider = owned ? '' : values.provider.trim();
  if (provider && rental !== undefined) errors.provider = 'Leave the provider empty when you type your own price';
  const hardware = owned ? values.ownedHardwareId : values.hardwareId;
  if (trainingMode(values) === 'pilot') {
    const images = num(values, 'images', errors, '1M');
    const epochs = num(values, 'epochs', errors, '90');
    if (images === undefined) errors.images ??= 'How many images are in the data set?';
    if (epochs === undefined) errors.epochs ??= 'How many passes over the data?';
    const input = {
      pilot: { items: num(values, 'pilotItems', errors, '10000'), seconds: num(values, 'pilotSeconds', errors, '40'), hardware: values.pilotHardwareId },
      fullItems: images !== undefined && epochs !== undefined ? images * epochs : undefined,
      target: { hardware, ...(gpus !== undefined ? { devices: gpus } : {}) },
      bound: 'compute',
      ...(rental !== undefined ? { pricePerDeviceHourUsd: rental } : {}),
      ...(provider ? { provider } : {}),
      ...(owned ? { owned } : {}),
    } as Input<'estimate.pilot'>;
    return { candidate: { mode: 'pilot', input }, errors };
  }
  const input = {
    hardware,
    params: num(values, 'params', errors, '7B or 7000000000'),
    tokens: num(values, 'tokens', errors, '140B or 1.4T'),
    ...(gpus !== undefined ? { gpus } : {}),
    ...(rental !== undefined ? { pricePerGpuHourUsd: rental } : {}),
    ...(provider ? { provider } : {}),
    ...(owned ? { owned } : {}),
  } as Input<'estimate.training'>;
  return { candidate: { mode: 'llm', input }, errors };
}

const TrainingCandidateSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('llm'), input: contract['estimate.training'].input }),
  z.object({ mode: z.literal('pilot'), input: contract['estimate.pilot'].input }),
]);

const FIELD_OF: Record<string, keyof TrainingValues & string> = {
  'input.params': 'params',
  'input.tokens': 'tokens',
  'input.gpuHours': 'params',
  'input.hardware': 'hardwareId',
  'input.gpus': 'gpus',
  'input.pricePerGpuHourUsd': 'pricePerGpuHour',
  'input.pilot.items': 'pilotItems',
  'input.pilot.seconds': 'pilotSeconds',
  'input.pilot.hardware': 'pilotHardwareId',
  'input.fullItems': 'images',
  'input.target.hardware': 'hardwareId',
  'input.target.devices': 'gpus',
  'input.pricePerDeviceHourUsd': 'pricePerGpuHour',
  'input.provider': 'provider',
  'input.owned.electricityUsdPerKwh': 'electricityPrice',
  'input.owned.purchaseUsd': 'purchasePrice',
  'input.owned.writeOffMonths': 'writeOffMonths',
  'input.owned': 'use',
};

export function trainingFieldOf(path: string): (keyof TrainingValues & string) | undefined {
  // The longest matching path wins: "input.owned.purchaseUsd" before "input.owned".
  const hit = Object.keys(FIELD_OF)
    .filter((k) => path === k || path.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0];
  return hit ? FIELD_OF[hit] : undefined;
}

export const trainingWizard: WizardDefinition<TrainingValues, z.output<typeof TrainingCandidateSchema>> = {
  id: 'training',
  title: 'What will training cost?',
  steps: TRAINING_STEPS,
  initial: TRAINING_INITIAL,
  build: buildTraining,
  schema: TrainingCandidateSchema,
  fieldOf: trainingFieldOf,
  labels: {
    params: 'Model size',
    tokens: 'Training data',
    gpus: 'Number of GPUs',
    pricePerGpuHour: 'The price per GPU-hour',
    provider: 'The provider',
    images: 'The number of images',
    pilotItems: 'Images processed',
    pilotSeconds: 'Seconds',
    electricityPrice: 'The electricity price',
    purchasePrice: 'The purchase price',
    writeOffMonths: 'The write-off period',
  },
};

/** The answers about owned GPUs, read back from a saved input's `owned` (its dollars in the typed currency). */
function ownedValues(owned: Input<'estimate.training'>['owned'], hardware: string, typed: TypedPriceValues): Partial<TrainingValues> {
  if (!owned) return {};
  const paid = owned.purchaseUsd === undefined || owned.purchaseUsd === 0;
  const m = typedMoneyOf(typed);
  return {
    use: 'own',
    ownedHardwareId: hardware,
    electricityPrice: typeof owned.electricityUsdPerKwh === 'number' ? priceText(owned.electricityUsdPerKwh, PER_KWH, m) : '',
    purchase: paid ? 'paid' : 'writeOff',
    purchasePrice: paid || owned.purchaseUsd === undefined ? '' : priceText(owned.purchaseUsd, AMOUNT, m),
    writeOffMonths: String(owned.writeOffMonths ?? 36),
  };
}

/**
 * A saved training or pilot input back into the answers, to reopen the wizard on a scenario. Its
 * prices are dollars: they come back in the currency and at the rate of `typed` (the project's).
 */
export function trainingValuesFromInput(c: TrainingCandidate, typed: TypedPriceValues = { currency: 'USD', usdRate: '1' }): TrainingValues {
  const v = { ...TRAINING_INITIAL, currency: typed.currency, usdRate: typed.usdRate };
  const m = typedMoneyOf(typed);
  const rentText = (usd: unknown) => (typeof usd === 'number' ? priceText(usd, PER_HOUR, m) : '');
  if (c.mode === 'pilot') {
    const i = c.input;
    const epochs = Number(v.epochs);
    return {
      ...v,
      preset: 'resnet50',
      images: formatQuantity(i.fullItems / epochs),
      pilotItems: String(i.pilot.items),
      pilotSeconds: String(i.pilot.seconds),
      pilotHardwareId: i.pilot.hardware,
      hardwareId: i.target?.hardware ?? i.pilot.hardware,
      gpus: String(i.target?.devices ?? 1),
      pricePerGpuHour: rentText(i.pricePerDeviceHourUsd),
      provider: i.provider ?? '',
      ...ownedValues(i.owned, i.target?.hardware ?? i.pilot.hardware, typed),
    };
  }
  const i = c.input;
  const params = i.params !== undefined ? formatQuantity(i.params) : '';
  const tokens = i.tokens !== undefined ? formatQuantity(i.tokens) : '';
  const preset = TRAINING_PRESETS.find((p) => p.mode === 'llm' && p.params === params && p.tokens === tokens)?.id ?? 'custom';
  const rented = i.owned ? {} : { hardwareId: i.hardware };
  return { ...v, preset, params, tokens, ...rented, gpus: String(i.gpus ?? 1), pricePerGpuHour: rentText(i.pricePerGpuHourUsd), provider: i.provider ?? '', ...ownedValues(i.owned, i.hardware, typed) };
}
