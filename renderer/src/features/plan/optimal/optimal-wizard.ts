import { contract, type Input } from '../../../../../shared/contract';
import type { SCALING_FIT_NAMES } from '../../../../../shared/contract/estimate';
import { BUDGET, PER_HOUR, priceText, readPriceUsd, typedMoneyOf, type PriceKind, type TypedPriceValues } from '../../../../../shared/budget/typed-price';
import { parseQuantity } from '../wizard/quantity';
import type { FieldErrors, WizardDefinition, WizardStep } from '../wizard/wizard';

/**
 * "What size model fits my compute budget?": a budget on rented GPUs (or an amount of
 * computing), and the scaling rule to follow. The budget and a price per GPU-hour are typed in
 * the project's currency (parts/typed-price.ts) and sent in dollars; the answers become an
 * `estimate.optimal` input, checked by the contract's own schema.
 */
export interface OptimalValues extends Record<string, string>, TypedPriceValues {
  basis: string;
  budget: string;
  flops: string;
  hardwareId: string;
  gpus: string;
  pricePerGpuHour: string;
  fit: string;
  /** The project's currency and rate (not questions: the page sets them). */
  currency: string;
  usdRate: string;
}

/** The fields that hold money typed in the project's currency. */
export const OPTIMAL_PRICE_FIELDS: ReadonlyArray<readonly [keyof OptimalValues & string, PriceKind]> = [
  ['budget', BUDGET],
  ['pricePerGpuHour', PER_HOUR],
];

export const BASES: ReadonlyArray<{ id: 'dollars' | 'flops'; label: string; explain: string }> = [
  { id: 'dollars', label: 'A budget to spend', explain: 'What you can spend renting GPUs for the training run.' },
  { id: 'flops', label: 'An amount of computing', explain: 'If you know it as a number of operations (FLOPs), e.g. 1e23.' },
];

type FitName = (typeof SCALING_FIT_NAMES)[number];

/** The scaling rules in words (a short label for the list, `by` for sentences); the first is the estimator's default. */
export const FITS: ReadonlyArray<{ id: FitName; label: string; by: string }> = [
  { id: 'hoffmann-approach-1', label: 'Chinchilla, 2022 (the usual one)', by: 'Chinchilla’s rule (Hoffmann et al. 2022)' },
  { id: 'chinchilla-20x', label: '20 tokens per parameter', by: 'the rule of thumb of 20 tokens per parameter' },
  { id: 'besiroglu-2024', label: 'Chinchilla refitted, 2024', by: 'Chinchilla’s rule refitted (Besiroglu et al. 2024)' },
  { id: 'hoffmann-approach-2', label: 'Chinchilla, second method', by: 'Chinchilla’s second method (Hoffmann et al. 2022)' },
  { id: 'hoffmann-approach-3', label: 'Chinchilla, third method', by: 'Chinchilla’s third method (Hoffmann et al. 2022)' },
  { id: 'hoffmann-parametric', label: 'Chinchilla, loss formula', by: 'Chinchilla’s fitted loss formula (Hoffmann et al. 2022)' },
];

export const OPTIMAL_STEPS: ReadonlyArray<WizardStep<OptimalValues>> = [
  { id: 'budget', title: 'What can you spend?', intro: 'A budget for renting GPUs, or, if you know it, an amount of computing.', fields: ['basis', 'budget', 'flops'] },
  { id: 'hardware', title: 'On which GPUs, and by which rule?', intro: 'The GPU decides how much computing a dollar buys; the rule is the research the answer follows.', fields: ['hardwareId', 'gpus', 'pricePerGpuHour', 'fit'] },
];

export const OPTIMAL_INITIAL: OptimalValues = { basis: 'dollars', budget: '100k', flops: '1e23', hardwareId: 'h100-sxm', gpus: '8', pricePerGpuHour: '', fit: 'hoffmann-approach-1', currency: 'USD', usdRate: '1' };

/** Every answer is independent: changing one changes only it. */
export function updateOptimalValues(values: OptimalValues, field: keyof OptimalValues & string, value: string): OptimalValues {
  return { ...values, [field]: value };
}

/** Money typed in the project's currency, in the estimator's dollars; a message on the field when it does not read as money. */
function typedUsd(values: OptimalValues, field: 'budget' | 'pricePerGpuHour', errors: FieldErrors<OptimalValues>): number | undefined {
  const [label, kind] = field === 'budget' ? ['Budget', BUDGET] : ['Price per GPU-hour', PER_HOUR];
  const r = readPriceUsd(values[field], label, kind, typedMoneyOf(values));
  if ('error' in r) {
    errors[field] = r.error;
    return undefined;
  }
  return r.usd;
}

function num(raw: string, field: keyof OptimalValues & string, errors: FieldErrors<OptimalValues>, hint: string): number | undefined {
  const n = parseQuantity(raw);
  if (n === null) return undefined;
  if (Number.isNaN(n)) {
    errors[field] = `Enter a number, like ${hint}`;
    return undefined;
  }
  return n;
}

export function buildOptimal(values: OptimalValues): { candidate: Partial<Input<'estimate.optimal'>>; errors: FieldErrors<OptimalValues> } {
  const errors: FieldErrors<OptimalValues> = {};
  const fit = FITS.find((f) => f.id === values.fit)?.id;
  if (!fit) errors.fit = 'Pick a scaling rule';
  const basis = BASES.find((b) => b.id === values.basis)?.id;
  if (!basis) errors.basis = 'Pick what you know';
  if (basis === 'flops') {
    const flops = num(values.flops, 'flops', errors, '1e23 or 5.76e23');
    if (values.flops.trim() === '') errors.flops = 'Computing is needed, like 1e23';
    // A missing or unreadable amount travels as NaN: the message then stays on this field instead
    // of the schema's "give exactly one of flops, params or budgetUsd".
    return { candidate: { flops: flops ?? Number.NaN, ...(fit ? { fit } : {}) }, errors };
  }
  const budgetUsd = typedUsd(values, 'budget', errors);
  if (values.budget.trim() === '') errors.budget = 'Budget is needed, like 100k';
  const gpus = num(values.gpus, 'gpus', errors, '8');
  const price = typedUsd(values, 'pricePerGpuHour', errors);
  if (!values.hardwareId) errors.hardwareId = 'Pick a GPU';
  const candidate = {
    budgetUsd: budgetUsd ?? Number.NaN,
    hardware: values.hardwareId,
    ...(gpus !== undefined ? { gpus } : {}),
    ...(price !== undefined ? { pricePerGpuHourUsd: price } : {}),
    ...(fit ? { fit } : {}),
  };
  return { candidate, errors };
}

const FIELD_OF: Record<string, keyof OptimalValues & string> = {
  flops: 'flops',
  params: 'flops',
  budgetUsd: 'budget',
  hardware: 'hardwareId',
  provider: 'hardwareId',
  gpus: 'gpus',
  pricePerGpuHourUsd: 'pricePerGpuHour',
  fit: 'fit',
};

export function optimalFieldOf(path: string): (keyof OptimalValues & string) | undefined {
  return FIELD_OF[path.split('.')[0] ?? ''];
}

const OPTIMAL_LABELS = { budget: 'Budget', flops: 'Computing', hardwareId: 'GPU', gpus: 'Number of GPUs', pricePerGpuHour: 'Price per GPU-hour' } as const;

export const optimalWizard: WizardDefinition<OptimalValues, Input<'estimate.optimal'>> = {
  id: 'optimal',
  title: 'What size model fits my compute budget?',
  steps: OPTIMAL_STEPS,
  initial: OPTIMAL_INITIAL,
  build: buildOptimal,
  schema: contract['estimate.optimal'].input,
  fieldOf: optimalFieldOf,
  labels: OPTIMAL_LABELS,
};

/**
 * A saved input back into the answers, so a saved plan reopens here; its budget and price in the
 * currency of `typed` (the project's), as they were typed: the saved dollars converted back once.
 */
export function optimalValuesFromInput(input: Input<'estimate.optimal'>, typed: TypedPriceValues = { currency: 'USD', usdRate: '1' }): OptimalValues {
  const m = typedMoneyOf(typed);
  const base = { ...OPTIMAL_INITIAL, fit: input.fit ?? OPTIMAL_INITIAL.fit, currency: typed.currency, usdRate: typed.usdRate };
  if (input.flops !== undefined) return { ...base, basis: 'flops', flops: String(input.flops) };
  return {
    ...base,
    basis: 'dollars',
    budget: input.budgetUsd !== undefined ? priceText(input.budgetUsd, BUDGET, m) : OPTIMAL_INITIAL.budget,
    hardwareId: input.hardware ?? OPTIMAL_INITIAL.hardwareId,
    gpus: String(input.gpus ?? 8),
    pricePerGpuHour: input.pricePerGpuHourUsd !== undefined ? priceText(input.pricePerGpuHourUsd, PER_HOUR, m) : '',
  };
}
