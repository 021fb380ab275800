import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fieldLabel, fieldOfPath } from '../../../../shared/domain/field-labels';
import { INFERENCE_PRECISIONS, TRAINING_PRECISIONS } from '../../../../shared/domain/hardware';
import { SCALING_FIT_NAMES } from '../../../../shared/contract/estimate';
import { parseFlags, requireFlag, stringFlag, type Parsed } from '../args';
import { withBackend } from '../backend-call';
import { json } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';
import type { Workload } from '../../../../shared/budget/workload';
import type { Backend } from '../../../backend/create-backend';
import { DOLLARS, dollarPrices, moneyIn, pricesIn, projectMoney, typedPriceFlags, type PriceReader, type ReportMoney } from './estimate-currency';
import { callWithFlags, choice, count, defined, quantity, requiredQuantity } from './estimate-flags';
import { projectByName } from './track-lookup';
import { compareReport, inferenceReport, memoryReport, optimalReport, pilotReport, trainingReport } from './estimate-reports';

const USAGES = {
  training: `tally estimate training --params N --tokens D --hardware ID [--gpus G] [--precision bf16|fp16|fp32|tf32|fp8] [--mfu X] [--goodput X]
           [--price-per-gpu-hour USD | --provider NAME | --owned [--electricity-price USD_PER_KWH] [--purchase-price USD --write-off-months M]]
           [--gpu-power-w W] [--pue X] [--grid-intensity KG_PER_KWH | --grid-region ID]
       tally estimate training --gpu-hours H --hardware ID [...the same price and power flags]
       (--owned: GPUs you already own; cost = electricity + the write-off share of --purchase-price, one GPU, over --write-off-months, default 36)`,
  optimal: 'tally estimate optimal (--flops C | --params N | (--budget-usd X | --budget AMOUNT) --hardware ID [--gpus G] [--price-per-gpu-hour USD | --provider NAME] [--mfu X]) [--fit NAME]',
  memory: `tally estimate memory --params N --mode training|inference [--precision P] [--optimizer adam|sgd|adafactor] [--zero 0-3 --gpus G]
           [--layers L --hidden H --heads A --kv-heads K --head-dim D --seq S --micro-batch B] [--attention standard|flash]
           [--recompute none|selective|full] [--context C --batch B --kv-precision P] [--lora-rank R --layers L --hidden H] [--qlora]`,
  inference: `tally estimate inference --params N --hardware ID [--gpus G] [--precision P] [--batch B] [--prompt-tokens P] [--output-tokens T]
           [--serving optimized|plain] [--layers L --kv-heads K --head-dim D] [--kv-precision P] [--price-per-hour USD | --provider NAME] [--power-w W]`,
  compare: `tally estimate compare --workload FILE.json [--owned ID] [--electricity-price USD_PER_KWH] [--purchase-price USD] [--write-off-months M]
           (the --owned device and its prices replace the workload's own-device option; --purchase-price 0: already paid)`,
  pilot: `tally estimate pilot --items N --seconds S --hardware ID --full-items N [--devices D] [--target-hardware ID] [--target-devices D]
           [--bound compute|bandwidth] [--precision P] [--price-per-device-hour USD | --provider NAME | --owned [--electricity-price USD_PER_KWH]
           [--purchase-price USD --write-off-months M]] [--power-w W] [--pue X] [--grid-intensity KG_PER_KWH]`,
};
const NUMBERS = `Numbers take 7e9, 7000000000, 7_000_000_000, 7B, 1.4T, 350M, 12k. All take --json and --data-dir DIR.
  --project NAME|ID (all but memory): prices and --budget in that project's currency at its dated rate ("2.30", "€2.30/h",
  "0,30 €"; amounts also "€1.8k", "2.5M"), and the answer in it with the rate named; without it prices are US dollars.`;
const USAGE = `${Object.values(USAGES).join('\n       ')}
  ${NUMBERS}`;

/** `tally estimate <sub> --help`: that subcommand's usage; anything else, all of them. */
function usageFor(args: string[]): string {
  const sub = args.find((a) => !a.startsWith('-'));
  return sub !== undefined && Object.prototype.hasOwnProperty.call(USAGES, sub) ? `${USAGES[sub as keyof typeof USAGES]}\n  ${NUMBERS}` : USAGE;
}

const S = { type: 'string' } as const;
const B = { type: 'boolean' } as const;
const COMMON = { json: B, 'data-dir': S };
const PROJECT = { project: S };
const POWER = { 'gpu-power-w': S, pue: S, 'grid-intensity': S, 'grid-region': S };
const OWNED_PRICES = { 'electricity-price': S, 'purchase-price': S, 'write-off-months': S };
const OWNED = { owned: B, ...OWNED_PRICES };
const FLAGS = {
  training: { ...COMMON, ...PROJECT, ...POWER, ...OWNED, params: S, tokens: S, 'gpu-hours': S, hardware: S, gpus: S, precision: S, mfu: S, goodput: S, 'price-per-gpu-hour': S, provider: S },
  optimal: { ...COMMON, ...PROJECT, flops: S, params: S, 'budget-usd': S, budget: S, hardware: S, gpus: S, fit: S, precision: S, mfu: S, 'price-per-gpu-hour': S, provider: S },
  memory: { ...COMMON, params: S, mode: S, precision: S, optimizer: S, zero: S, gpus: S, layers: S, hidden: S, heads: S, 'kv-heads': S, 'head-dim': S, seq: S, 'micro-batch': S, attention: S, recompute: S, context: S, batch: S, 'kv-precision': S, 'lora-rank': S, qlora: B },
  inference: { ...COMMON, ...PROJECT, params: S, hardware: S, gpus: S, precision: S, batch: S, 'prompt-tokens': S, 'output-tokens': S, serving: S, layers: S, 'kv-heads': S, 'head-dim': S, 'kv-precision': S, 'price-per-hour': S, provider: S, 'power-w': S },
  compare: { ...COMMON, ...PROJECT, ...OWNED_PRICES, workload: S, owned: S },
  pilot: { ...COMMON, ...PROJECT, ...OWNED, items: S, seconds: S, hardware: S, 'full-items': S, devices: S, 'target-hardware': S, 'target-devices': S, bound: S, precision: S, 'price-per-device-hour': S, provider: S, 'power-w': S, pue: S, 'grid-intensity': S },
} as const;
type Sub = keyof typeof FLAGS;

const OWNED_FLAGS = { owned: '--owned', 'owned.electricityUsdPerKwh': '--electricity-price', 'owned.purchaseUsd': '--purchase-price', 'owned.writeOffMonths': '--write-off-months' };
const PRICE_FLAGS = { pricePerGpuHourUsd: '--price-per-gpu-hour', gpuPowerW: '--gpu-power-w', gridKgCo2PerKwh: '--grid-intensity', gridRegion: '--grid-region', ...OWNED_FLAGS };

/**
 * `--owned` and its prices. Any of the three price flags implies --owned; none of them beside a
 * rental price or a provider. Zero is a valid price here: electricity included in the rent, a
 * device already paid for.
 */
function ownedFlags(p: Parsed, rentalFlag: string, price: PriceReader): Record<string, number> | undefined {
  const given = Object.keys(OWNED_PRICES).filter((f) => stringFlag(p, f) !== undefined);
  if (p.values.owned !== true && given.length === 0) return undefined;
  for (const rental of [rentalFlag, 'provider']) {
    if (stringFlag(p, rental) !== undefined) throw new CliError(`give either --${rental} (rented) or --owned${given.length ? ` / --${given[0]}` : ''} (your own hardware), not both`);
  }
  return ownedPrices(p, price);
}

function ownedPrices(p: Parsed, price: PriceReader): Record<string, number> {
  const writeOff = quantity(p, 'write-off-months');
  const purchase = price(p, 'purchase-price', { allowZero: true });
  if (writeOff !== undefined && purchase === undefined) throw new CliError('--write-off-months needs --purchase-price: without a purchase price the device counts as already paid');
  return defined({ electricityUsdPerKwh: price(p, 'electricity-price', { allowZero: true }), purchaseUsd: purchase, writeOffMonths: writeOff }) as Record<string, number>;
}

/** Stands in for a price before the project's currency is known: every other flag is checked before the workspace is opened. */
const anyPrice: PriceReader = (p, flag) => (stringFlag(p, flag) === undefined ? undefined : 1);

/**
 * Builds the request and runs it: with prices in US dollars, or with --project in that project's
 * currency at its dated rate (the project is looked up first, so its rate is known when the price
 * flags are read). `build` is pure flag reading and may run twice.
 */
function priced<T>(io: CliIo, p: Parsed, build: (price: PriceReader) => T, fn: (b: Backend, input: T, money: ReportMoney) => Promise<number>): Promise<number> {
  const name = stringFlag(p, 'project');
  if (name === undefined) {
    const input = build(dollarPrices);
    return withBackend(io, stringFlag(p, 'data-dir'), (b) => fn(b, input, DOLLARS));
  }
  build(anyPrice);
  return withBackend(io, stringFlag(p, 'data-dir'), async (b) => {
    const project = await projectByName(b, name);
    const m = projectMoney(project);
    return fn(b, build(pricesIn(m)), moneyIn(m, project, typedPriceFlags(p)));
  });
}

/** --json: the procedure's output (US dollars), plus, with --project, the currency and rate the price flags were read in. */
function jsonOf(value: unknown, money: ReportMoney): unknown {
  if (!money.shown) return value;
  const { currency, usdRate, usdRateAsOf } = money.shown;
  return { ...(value as object), pricesTypedIn: { currency, usdRate, usdRateAsOf } };
}

/** Reads and parses the workload file; every failure names the file (and the field, when known). */
function readWorkload(io: CliIo, p: Parsed): { file: string; value: unknown } {
  const file = requireFlag(p, 'workload', USAGES.compare);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new CliError(`cannot read workload file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    return { file, value: JSON.parse(text) as unknown };
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    throw new CliError(`${file}${line ? `, line ${line}` : ''}: not valid JSON (${(e as Error).message})`);
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const sub = args[0] as Sub | undefined;
  if (!sub || !Object.prototype.hasOwnProperty.call(FLAGS, sub)) throw new CliError(`unknown estimate command "${sub ?? ''}"\nusage: ${USAGE}`);
  const usage = USAGES[sub];
  const p = parseFlags(args.slice(1), FLAGS[sub], usage);
  if (p.positionals.length > 0) throw new CliError(`unexpected argument "${p.positionals[0]}"\nusage: ${usage}`);
  const asJson = p.values.json === true;
  const hardware = () => requireFlag(p, 'hardware', usage);
  const print = (value: unknown, money: ReportMoney, human: () => string) => io.out(asJson ? json(jsonOf(value, money)) : human());
  // Validate every flag before the workspace is opened, so bad input never touches the data folder.
  switch (sub) {
    case 'training': {
      const byHours = stringFlag(p, 'gpu-hours') !== undefined;
      const build = (price: PriceReader) => defined({
        hardware: hardware(),
        ...(byHours ? { gpuHours: quantity(p, 'gpu-hours') } : { params: requiredQuantity(p, 'params', usage), tokens: requiredQuantity(p, 'tokens', usage) }),
        gpus: count(p, 'gpus'),
        precision: choice(p, 'precision', TRAINING_PRECISIONS),
        mfu: quantity(p, 'mfu'),
        goodput: quantity(p, 'goodput'),
        pricePerGpuHourUsd: price(p, 'price-per-gpu-hour'),
        provider: stringFlag(p, 'provider'),
        gpuPowerW: quantity(p, 'gpu-power-w'),
        pue: quantity(p, 'pue'),
        gridKgCo2PerKwh: quantity(p, 'grid-intensity', { allowZero: true }),
        gridRegion: stringFlag(p, 'grid-region'),
        owned: ownedFlags(p, 'price-per-gpu-hour', price),
      });
      if (byHours && (stringFlag(p, 'params') !== undefined || stringFlag(p, 'tokens') !== undefined)) throw new CliError('give either --params and --tokens, or --gpu-hours, not both');
      onePrice(p, 'price-per-gpu-hour');
      return priced(io, p, build, async (b, input, money) => {
        const r = await callWithFlags(b, 'estimate.training', input, PRICE_FLAGS);
        print(r, money, () => trainingReport(r, money));
        return EXIT.ok;
      });
    }
    case 'optimal': {
      if (stringFlag(p, 'budget') !== undefined && stringFlag(p, 'budget-usd') !== undefined) throw new CliError('give either --budget or --budget-usd, not both');
      const build = (price: PriceReader) => defined({
        flops: quantity(p, 'flops'),
        params: quantity(p, 'params'),
        budgetUsd: quantity(p, 'budget-usd') ?? price(p, 'budget'),
        hardware: stringFlag(p, 'hardware'),
        gpus: count(p, 'gpus'),
        fit: choice(p, 'fit', SCALING_FIT_NAMES),
        precision: choice(p, 'precision', TRAINING_PRECISIONS),
        mfu: quantity(p, 'mfu'),
        pricePerGpuHourUsd: price(p, 'price-per-gpu-hour'),
        provider: stringFlag(p, 'provider'),
      });
      onePrice(p, 'price-per-gpu-hour');
      const checked = build(anyPrice);
      const given = ['flops', 'params', 'budgetUsd'].filter((k) => k in checked);
      if (given.length !== 1) throw new CliError(`give exactly one of --flops, --params or --budget-usd\nusage: ${usage}`);
      if (checked.budgetUsd !== undefined && checked.hardware === undefined) throw new CliError('missing --hardware: a dollar budget needs the hardware it buys');
      const budgetFlag = stringFlag(p, 'budget') !== undefined ? '--budget' : '--budget-usd';
      return priced(io, p, build, async (b, input, money) => {
        const r = await callWithFlags(b, 'estimate.optimal', input, { budgetUsd: budgetFlag, ...PRICE_FLAGS });
        print(r, money, () => optimalReport(r, money));
        return EXIT.ok;
      });
    }
    case 'memory': {
      const mode = choice(p, 'mode', ['training', 'inference'] as const);
      if (!mode) throw new CliError(`missing --mode (training or inference)\nusage: ${usage}`);
      const zero = choice(p, 'zero', ['0', '1', '2', '3'] as const);
      const loraRank = count(p, 'lora-rank');
      if (loraRank !== undefined && (stringFlag(p, 'layers') === undefined || stringFlag(p, 'hidden') === undefined)) {
        throw new CliError(`--lora-rank needs --layers and --hidden to size the adapters (2 x rank x hidden per adapted matrix, 4 matrices per layer)\nusage: ${usage}`);
      }
      if (p.values.qlora === true && loraRank === undefined) throw new CliError(`--qlora needs --lora-rank, --layers and --hidden to size the adapters\nusage: ${usage}`);
      const input = defined({
        params: requiredQuantity(p, 'params', usage),
        mode,
        precision: choice(p, 'precision', mode === 'training' ? TRAINING_PRECISIONS : INFERENCE_PRECISIONS),
        optimizer: choice(p, 'optimizer', ['adam', 'sgd', 'adafactor'] as const),
        zero: zero === undefined ? undefined : (Number(zero) as 0 | 1 | 2 | 3),
        gpus: count(p, 'gpus'),
        layers: count(p, 'layers'),
        hidden: count(p, 'hidden'),
        heads: count(p, 'heads'),
        kvHeads: count(p, 'kv-heads'),
        headDim: count(p, 'head-dim'),
        seq: count(p, 'seq'),
        microBatch: count(p, 'micro-batch'),
        attention: choice(p, 'attention', ['standard', 'flash'] as const),
        recompute: choice(p, 'recompute', ['none', 'selective', 'full'] as const),
        context: count(p, 'context'),
        batch: count(p, 'batch'),
        kvPrecision: choice(p, 'kv-precision', INFERENCE_PRECISIONS),
        lora: loraRank !== undefined || p.values.qlora === true ? defined({ rank: loraRank, qlora: p.values.qlora === true ? true : undefined }) : undefined,
      });
      return withBackend(io, stringFlag(p, 'data-dir'), async (b) => {
        const r = await callWithFlags(b, 'estimate.memory', input, { microBatch: '--micro-batch', kvHeads: '--kv-heads', headDim: '--head-dim', kvPrecision: '--kv-precision', lora: '--lora-rank', 'lora.rank': '--lora-rank' });
        print(r, DOLLARS, () => memoryReport(r, mode));
        return EXIT.ok;
      });
    }
    case 'inference': {
      const build = (price: PriceReader) => defined({
        params: requiredQuantity(p, 'params', usage),
        hardware: hardware(),
        gpus: count(p, 'gpus'),
        precision: choice(p, 'precision', INFERENCE_PRECISIONS),
        batch: count(p, 'batch'),
        promptTokens: count(p, 'prompt-tokens'),
        outputTokens: count(p, 'output-tokens'),
        serving: choice(p, 'serving', ['optimized', 'plain'] as const),
        layers: count(p, 'layers'),
        kvHeads: count(p, 'kv-heads'),
        headDim: count(p, 'head-dim'),
        kvPrecision: choice(p, 'kv-precision', INFERENCE_PRECISIONS),
        pricePerHourUsd: price(p, 'price-per-hour'),
        provider: stringFlag(p, 'provider'),
        powerW: quantity(p, 'power-w'),
      });
      onePrice(p, 'price-per-hour');
      return priced(io, p, build, async (b, input, money) => {
        const r = await callWithFlags(b, 'estimate.inference', input, { pricePerHourUsd: '--price-per-hour', powerW: '--power-w', kvPrecision: '--kv-precision' });
        print(r, money, () => inferenceReport(r, money));
        return EXIT.ok;
      });
    }
    case 'compare': {
      const { file, value } = readWorkload(io, p);
      return priced(io, p, (price) => withOwnedOption(value, p, price), async (b, owned, money) => {
        const r = await b.dispatch('estimate.compare', { workload: owned.workload });
        if (!r.ok) {
          const msg = r.error.message.replace(/^workload(\.|: )/, '');
          // A field the flags set is blamed on the flag, not on the file.
          const path = (r.error.issues?.[0]?.path ?? '').replace(/^workload\./, '');
          const flag = owned.flagFor(path);
          if (flag && r.error.code === 'INVALID_INPUT') throw new CliError(`${flag}: ${withoutField(msg, path)}`);
          // A field of the file is named by its key there, as the person wrote it.
          if (path && r.error.code === 'INVALID_INPUT') throw new CliError(`${file}: ${path}: ${withoutField(msg, path)}`);
          throw new CliError(`${file}: ${msg}`, r.error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.failed);
        }
        const c = r.value as Parameters<typeof compareReport>[0];
        print(c, money, () => compareReport(c, money, owned.workload as Workload));
        return EXIT.ok;
      });
    }
    case 'pilot': {
      const target = stringFlag(p, 'target-hardware');
      const targetDevices = count(p, 'target-devices');
      const build = (price: PriceReader) => defined({
        pilot: defined({ items: requiredQuantity(p, 'items', usage), seconds: requiredQuantity(p, 'seconds', usage), hardware: hardware(), devices: count(p, 'devices') }),
        fullItems: requiredQuantity(p, 'full-items', usage),
        target: target !== undefined || targetDevices !== undefined ? defined({ hardware: target ?? hardware(), devices: targetDevices }) : undefined,
        bound: choice(p, 'bound', ['compute', 'bandwidth'] as const),
        precision: choice(p, 'precision', [...new Set([...TRAINING_PRECISIONS, ...INFERENCE_PRECISIONS])]),
        pricePerDeviceHourUsd: price(p, 'price-per-device-hour'),
        provider: stringFlag(p, 'provider'),
        powerW: quantity(p, 'power-w'),
        pue: quantity(p, 'pue'),
        gridKgCo2PerKwh: quantity(p, 'grid-intensity', { allowZero: true }),
        owned: ownedFlags(p, 'price-per-device-hour', price),
      });
      onePrice(p, 'price-per-device-hour');
      return priced(io, p, build, async (b, input, money) => {
        const r = await callWithFlags(b, 'estimate.pilot', input, {
          'pilot.hardware': '--hardware',
          'target.hardware': '--target-hardware',
          'pilot.items': '--items',
          'pilot.seconds': '--seconds',
          pricePerDeviceHourUsd: '--price-per-device-hour',
          gridKgCo2PerKwh: '--grid-intensity',
          ...OWNED_FLAGS,
        });
        print(r, money, () => pilotReport(r, money));
        return EXIT.ok;
      });
    }
  }
}

/**
 * `compare --owned ID` and the owned-price flags set the workload's own-device option (creating
 * it when the file has none); `flagFor` maps a refused field back to the flag that set it.
 */
function withOwnedOption(value: unknown, p: Parsed, price: PriceReader): { workload: unknown; flagFor(path: string): string | null } {
  const id = stringFlag(p, 'owned');
  const prices = ownedPrices(p, price);
  const set: Record<string, string> = {};
  if (id === undefined && Object.keys(prices).length === 0) return { workload: value, flagFor: () => null };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { workload: value, flagFor: () => null };
  const w = value as { options?: Record<string, unknown> };
  const before = (w.options?.owned ?? {}) as Record<string, unknown>;
  if (id === undefined && w.options?.owned === undefined) throw new CliError('--electricity-price, --purchase-price and --write-off-months price your own device: name it with --owned ID (or give an own-device option in the workload file)');
  const owned: Record<string, unknown> = { ...before, ...(id !== undefined ? { hardwareId: id } : {}) };
  if (id !== undefined) set['options.owned.hardwareId'] = '--owned';
  const FIELD = { electricityUsdPerKwh: '--electricity-price', purchaseUsd: '--purchase-price', writeOffMonths: '--write-off-months' } as const;
  for (const [k, v] of Object.entries(prices)) {
    owned[k === 'writeOffMonths' ? 'lifeMonths' : k] = v;
    set[`options.owned.${k === 'writeOffMonths' ? 'lifeMonths' : k}`] = FIELD[k as keyof typeof FIELD];
  }
  // A device named on the command line with no purchase price is one you already have.
  if (owned.purchaseUsd === undefined) owned.purchaseUsd = 0;
  return { workload: { ...w, options: { ...w.options, owned } }, flagFor: (path) => set[path] ?? null };
}

/** "options.owned.purchaseUsd: purchaseUsd must ..." -> "must ...": the flag already says which. */
function withoutField(message: string, path: string): string {
  const field = fieldOfPath(path);
  const label = `${fieldLabel(path)}: `;
  if (message.startsWith(label)) return message.slice(label.length);
  const rest = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message.startsWith(`${path} `) ? message.slice(path.length + 1) : message;
  return rest.startsWith(`${field} `) ? rest.slice(field.length + 1) : rest;
}

/** A price and a provider both choose the price: refuse the pair rather than ignore one. */
function onePrice(p: Parsed, priceFlag: string): void {
  if (stringFlag(p, priceFlag) !== undefined && stringFlag(p, 'provider') !== undefined) throw new CliError(`give either --${priceFlag} or --provider, not both`);
}

export const estimateCommand: Command = { name: 'estimate', summary: 'Estimate training, compute-optimal size, memory, inference, cloud vs own hardware, pilot runs', usage: USAGE, usageFor, run };
