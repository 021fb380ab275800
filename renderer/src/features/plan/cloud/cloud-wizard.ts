import { contract, type Input } from '../../../../../shared/contract';
import type { Workload } from '../../../../../shared/contract/estimate';
import type { MonthlyBudget } from '../../../../../shared/contract/scenarios';
import { parseMoneyText } from '../../../../../shared/domain/money-text';
import { AMOUNT, PER_KWH, priceText, readPriceUsd, typedMoneyOf, type PriceKind, type TypedPriceValues } from '../../../../../shared/budget/typed-price';
import { parseQuantity } from '../wizard/quantity';
import type { FieldErrors, WizardDefinition, WizardStep } from '../wizard/wizard';
import { IMAGE_DEVICES, MODEL_SIZES, SPEEDS, TASKS, sizeById, taskById } from './cloud-presets';

/**
 * "Cloud or your own hardware?": five questions in plain words, then the comparison. The form
 * keeps strings as typed; build() turns them into the estimator's workload.
 */
export interface CloudValues extends Record<string, string>, TypedPriceValues {
  task: string;
  modelSize: string;
  requestsPerDay: string;
  months: string;
  speed: string;
  privacy: string;
  /** As typed: "300", "€300", "300 EUR"; in the currency below. */
  monthlyBudget: string;
  /** The currency of the project the plan is for, and its rate (not questions: the page sets them; parts/typed-price.ts). */
  currency: string;
  usdRate: string;
  apiId: string;
  cloudHardwareId: string;
  /** Rent from one provider's catalog rows; empty: all providers. */
  cloudProvider: string;
  ownedHardwareId: string;
  /** 'buy': the purchase is written off over ownedWriteOffMonths; 'paid': you have it already. */
  ownedPurchase: string;
  /** As typed, in the project's currency when it has a rate, else in US dollars. */
  ownedPrice: string;
  ownedWriteOffMonths: string;
  /** Per kWh for the own device, in the same currency; empty: the dated default tariff. */
  electricityPrice: string;
}

/** The fields that hold prices typed in the project's currency. */
export const CLOUD_PRICE_FIELDS: ReadonlyArray<readonly [keyof CloudValues & string, PriceKind]> = [
  ['ownedPrice', AMOUNT],
  ['electricityPrice', PER_KWH],
];

/**
 * The fields carried into another project's currency as the same money: the prices, and the
 * monthly budget too when it names its currency ("$300", "300 USD"), so it is not refused in the
 * new one. A bare "300" is read in whichever currency the plan is for, as the field says.
 */
export function cloudPriceFields(values: Pick<CloudValues, 'monthlyBudget'>): ReadonlyArray<readonly [keyof CloudValues & string, PriceKind]> {
  const typed = parseMoneyText(values.monthlyBudget, { field: 'The monthly budget' });
  return typed.ok && typed.cents !== null && typed.currency != null ? [...CLOUD_PRICE_FIELDS, ['monthlyBudget', AMOUNT]] : CLOUD_PRICE_FIELDS;
}

export const OWNED_PURCHASE_CHOICES = [
  { id: 'buy', label: 'I would buy it', explain: 'Its price is spread over the months you use it.' },
  { id: 'paid', label: 'I already have it', explain: 'Already paid for: only its electricity counts.' },
] as const;

export const CLOUD_STEPS: ReadonlyArray<WizardStep<CloudValues>> = [
  { id: 'task', title: 'What will the AI do?', intro: 'The kind of work decides how much computing each answer takes.', fields: ['task', 'modelSize'] },
  { id: 'use', title: 'How much will it be used?', intro: 'Cost grows with use; owning hardware pays off only with steady, heavy use.', fields: ['requestsPerDay', 'months'] },
  { id: 'speed', title: 'How fast must it answer?', intro: 'A person waiting on screen needs a fast answer; overnight work does not.', fields: ['speed'] },
  { id: 'privacy', title: 'How private is the data?', intro: 'Some data may not be sent to an AI company, or may not leave your building at all.', fields: ['privacy'] },
  {
    id: 'budget',
    title: 'What can you spend?',
    intro: 'Optional: a monthly budget to hold each option against, and the options we compare.',
    fields: ['monthlyBudget', 'apiId', 'cloudHardwareId', 'cloudProvider', 'ownedHardwareId', 'ownedPurchase', 'ownedPrice', 'ownedWriteOffMonths', 'electricityPrice'],
  },
];

/** A task's sensible options; the device's shop price (a US-dollar figure) in the currency prices are typed in. */
export function cloudDefaults(task: string, modelSize: string, typed: TypedPriceValues = { currency: 'USD', usdRate: '1' }): Pick<CloudValues, 'apiId' | 'cloudHardwareId' | 'cloudProvider' | 'ownedHardwareId' | 'ownedPrice'> {
  const price = (usd: number) => priceText(usd, AMOUNT, typedMoneyOf(typed));
  if (task === 'images') return { apiId: '', cloudHardwareId: IMAGE_DEVICES.cloudHardwareId, cloudProvider: '', ownedHardwareId: IMAGE_DEVICES.ownedHardwareId, ownedPrice: price(IMAGE_DEVICES.ownedPriceUsd) };
  const s = sizeById(modelSize) ?? sizeById('small');
  return { apiId: s?.apiId ?? '', cloudHardwareId: s?.cloudHardwareId ?? '', cloudProvider: '', ownedHardwareId: s?.ownedHardwareId ?? '', ownedPrice: s ? price(s.ownedPriceUsd) : '' };
}

export const CLOUD_INITIAL: CloudValues = {
  task: 'chat',
  modelSize: 'small',
  requestsPerDay: '2000',
  months: '12',
  speed: 'seconds',
  privacy: 'internal',
  monthlyBudget: '',
  currency: 'USD',
  usdRate: '1',
  ...cloudDefaults('chat', 'small'),
  ownedPurchase: 'buy',
  ownedWriteOffMonths: '36',
  electricityPrice: '',
};

/** Changing what the AI does resets the compared options to that task's sensible defaults. */
export function updateCloudValues(values: CloudValues, field: keyof CloudValues & string, value: string): CloudValues {
  const next = { ...values, [field]: value };
  if (field === 'task' || field === 'modelSize') return { ...next, ...cloudDefaults(next.task, next.modelSize, next) };
  // A provider is chosen for one device; another device starts from all providers again.
  if (field === 'cloudHardwareId') return { ...next, cloudProvider: '' };
  return next;
}

/** Empty text -> undefined (the schema says if it is required); bad text -> a message here. */
function numberField(values: CloudValues, field: keyof CloudValues & string, errors: FieldErrors<CloudValues>): number | undefined {
  const n = parseQuantity(values[field]);
  if (n === null) return undefined;
  if (Number.isNaN(n)) {
    errors[field] = 'Enter a number, like 2000 or 2k';
    return undefined;
  }
  return n;
}

/** A typed price in the estimator's dollars; a message on the field when it does not read as one. */
function priceField(values: CloudValues, field: 'ownedPrice' | 'electricityPrice', errors: FieldErrors<CloudValues>): number | undefined {
  const r = readPriceUsd(values[field], field === 'ownedPrice' ? 'The purchase price' : 'The electricity price', field === 'ownedPrice' ? AMOUNT : PER_KWH, typedMoneyOf(values));
  if ('error' in r) {
    errors[field] = r.error;
    return undefined;
  }
  return r.usd;
}

/** The monthly budget in the plan's currency, read by the one money parser; messages name the field. */
function monthlyBudgetOf(values: CloudValues, errors: FieldErrors<CloudValues>): MonthlyBudget | null {
  const r = parseMoneyText(values.monthlyBudget, { field: 'The monthly budget', currency: values.currency || 'USD', positive: true });
  if (!r.ok) {
    errors.monthlyBudget = r.message;
    return null;
  }
  return r.cents === null ? null : { cents: r.cents, currency: r.currency ?? (values.currency || 'USD') };
}

export function buildWorkload(values: CloudValues): { workload: Workload; errors: FieldErrors<CloudValues>; monthlyBudget: MonthlyBudget | null } {
  const errors: FieldErrors<CloudValues> = {};
  const task = taskById(values.task);
  if (!task) errors.task = 'Pick what the AI will do';
  const size = sizeById(values.modelSize);
  const requestsPerDay = numberField(values, 'requestsPerDay', errors);
  const months = numberField(values, 'months', errors);
  const paid = values.ownedPurchase === 'paid';
  const ownedPrice = paid ? 0 : priceField(values, 'ownedPrice', errors);
  const writeOff = paid ? undefined : numberField(values, 'ownedWriteOffMonths', errors);
  const electricity = priceField(values, 'electricityPrice', errors);
  const monthlyBudget = monthlyBudgetOf(values, errors);
  const speed = SPEEDS.find((s) => s.id === values.speed);
  if (!speed) errors.speed = 'Pick how fast it must answer';

  const options: Workload['options'] = {};
  if (values.apiId && task?.tokens) options.api = { id: values.apiId };
  if (task?.items) options.api = { usdPerItem: task.items.apiUsdPerItem };
  if (values.cloudHardwareId) options.cloudGpu = { hardwareId: values.cloudHardwareId, ...(values.cloudProvider ? { provider: values.cloudProvider } : {}) };
  if (values.ownedHardwareId) {
    options.owned = {
      hardwareId: values.ownedHardwareId,
      ...(ownedPrice !== undefined ? { purchaseUsd: ownedPrice } : {}),
      ...(writeOff !== undefined ? { lifeMonths: writeOff } : {}),
      ...(electricity !== undefined ? { electricityUsdPerKwh: electricity } : {}),
    } as NonNullable<Workload['options']['owned']>;
  }

  const workload = {
    name: task ? task.label : 'Workload',
    requestsPerDay,
    months,
    dataSensitivity: values.privacy,
    ...(speed?.latencyMs ? { latencyTargetMs: speed.latencyMs } : {}),
    ...(task?.tokens ? { inputTokensPerRequest: task.tokens.input, outputTokensPerRequest: task.tokens.output, model: (size ?? sizeById('small'))?.model } : {}),
    ...(task?.items ? { itemsPerRequest: task.items.perRequest, gflopsPerItem: task.items.gflopsPerItem } : {}),
    options,
  } as Workload;
  return { workload, errors, monthlyBudget };
}

/** Contract issue path -> the question that feeds it. */
export function cloudFieldOf(path: string): (keyof CloudValues & string) | undefined {
  const p = path.replace(/^workload\./, '');
  if (p.startsWith('requestsPerDay')) return 'requestsPerDay';
  if (p.startsWith('months')) return 'months';
  if (p.startsWith('dataSensitivity')) return 'privacy';
  if (p.startsWith('latencyTargetMs')) return 'speed';
  if (p.startsWith('options.owned.purchaseUsd')) return 'ownedPrice';
  if (p.startsWith('options.owned.lifeMonths')) return 'ownedWriteOffMonths';
  if (p.startsWith('options.owned.electricityUsdPerKwh')) return 'electricityPrice';
  if (p.startsWith('options.owned')) return 'ownedHardwareId';
  if (p.startsWith('options.cloudGpu.provider')) return 'cloudProvider';
  if (p.startsWith('options.cloudGpu')) return 'cloudHardwareId';
  if (p.startsWith('options.api')) return 'apiId';
  if (p.startsWith('options')) return 'apiId';
  if (p.startsWith('model') || p.includes('TokensPerRequest') || p.startsWith('itemsPerRequest') || p.startsWith('gflopsPerItem')) return 'task';
  return undefined;
}

/** The wizard as data; its schema is the contract's own `estimate.compare` input. */
export const cloudWizard: WizardDefinition<CloudValues, Input<'estimate.compare'>> = {
  id: 'cloud',
  title: 'Cloud or your own hardware?',
  steps: CLOUD_STEPS,
  initial: CLOUD_INITIAL,
  build(values) {
    const { workload, errors } = buildWorkload(values);
    return { candidate: { workload }, errors };
  },
  schema: contract['estimate.compare'].input,
  fieldOf: cloudFieldOf,
  labels: {
    requestsPerDay: 'Requests per day',
    months: 'The number of months',
    ownedPrice: 'The purchase price',
    monthlyBudget: 'The monthly budget',
    ownedWriteOffMonths: 'The write-off period',
    electricityPrice: 'The electricity price',
  },
};

/**
 * A saved workload back into the answers, so a scenario reopens in the wizard. Tasks and model
 * sizes are recognised by their shape; anything else falls back to the defaults. The saved
 * prices are US dollars: they come back in the currency and at the rate of `typed` (the
 * project's), converted once from the saved dollars.
 */
export function cloudValuesFromWorkload(w: Workload, monthlyBudget: MonthlyBudget | null = null, typed: TypedPriceValues = { currency: 'USD', usdRate: '1' }): CloudValues {
  const task = w.itemsPerRequest !== undefined ? 'images' : (TASKS.find((t) => t.tokens?.input === w.inputTokensPerRequest && t.tokens?.output === w.outputTokensPerRequest)?.id ?? 'chat');
  const size = MODEL_SIZES.find((s) => s.model.params === w.model?.params)?.id ?? 'small';
  const speed = SPEEDS.find((s) => s.latencyMs === (w.latencyTargetMs ?? null))?.id ?? 'any';
  const money = typedMoneyOf(typed);
  const owned = w.options.owned;
  return {
    task,
    modelSize: size,
    requestsPerDay: String(w.requestsPerDay),
    months: String(w.months),
    speed,
    privacy: w.dataSensitivity,
    monthlyBudget: budgetText(monthlyBudget, typed.currency),
    currency: typed.currency,
    usdRate: typed.usdRate,
    apiId: w.options.api?.id ?? '',
    cloudHardwareId: w.options.cloudGpu?.hardwareId ?? '',
    cloudProvider: w.options.cloudGpu?.provider ?? '',
    ownedHardwareId: owned?.hardwareId ?? '',
    ownedPurchase: owned?.purchaseUsd === 0 ? 'paid' : 'buy',
    ownedPrice: owned?.purchaseUsd !== undefined && owned.purchaseUsd !== 0 ? priceText(owned.purchaseUsd, AMOUNT, money) : '',
    ownedWriteOffMonths: String(owned?.lifeMonths ?? 36),
    electricityPrice: owned?.electricityUsdPerKwh !== undefined ? priceText(owned.electricityUsdPerKwh, PER_KWH, money) : '',
  };
}

/**
 * A saved monthly budget as the field shows it: "300" or "300.50" in the plan's currency; one
 * kept in another currency (an older plan in dollars) shows its code, so the field asks for it
 * again in the project's currency instead of reading it as a different amount.
 */
export function budgetText(b: MonthlyBudget | null, currency: string): string {
  if (b === null) return '';
  const amount = b.cents % 100 === 0 ? String(b.cents / 100) : (b.cents / 100).toFixed(2);
  return b.currency === currency ? amount : `${amount} ${b.currency}`;
}
