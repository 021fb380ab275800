import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateCli, runCli } from '../support/cli';
import { tempDir } from '../support/temp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plan');
const RATE_LINE = 'Amounts in EUR for project "Corner shop", converted from the estimate\'s US dollars at 0.92 EUR per US dollar of 2026-11-30.';

/**
 * `tally estimate ... --project P`: price flags typed in the project's currency, read by the app's
 * price parser and sent to the estimator in dollars at the project's dated rate; the answer in
 * that currency with the rate and its date named, as the Plan screens show it.
 */
describe('tally estimate --project: prices and answers in the project\'s currency', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());
  const { cli, asJson } = estimateCli(() => t.dir, FIXTURES);

  async function shop() {
    t = tempDir();
    const made = await runCli(['projects', 'create', '--name', 'Corner shop', '--currency', 'EUR', '--usd-rate', '0.92', '--rate-date', '2026-11-30'], { dataDir: t.dir });
    expect(made.code).toBe(0);
  }
  const RUN = ['training', '--gpu-hours', '1000', '--hardware', 'rtx-4090', '--gpus', '3', '--gpu-power-w', '450', '--pue', '1'];

  it('training: a price per GPU-hour in euros is the same estimate as its dollars, and the answer is in euros with the rate and its date', async () => {
    await shop();
    const eur = await asJson([...RUN, '--price-per-gpu-hour', '€0.92', '--project', 'Corner shop']);
    const usd = await asJson([...RUN, '--price-per-gpu-hour', '1']);
    // €0.92 at 0.92 EUR per dollar is $1 a GPU-hour: 1,000 GPU-hours cost $1,000 either way.
    expect(eur.assumptions.pricePerGpuHourUsd.value).toBeCloseTo(1, 12);
    expect(eur.costUsd).toBeCloseTo(usd.costUsd, 9);
    expect(eur.costUsd).toBeCloseTo(1000, 9);
    expect(eur.pricesTypedIn).toEqual({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' });
    expect(usd).not.toHaveProperty('pricesTypedIn');

    const human = await cli([...RUN, '--price-per-gpu-hour', '€0.92', '--project', 'Corner shop']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\n {2}cost +€920 +certain +GPU rental at the price below\n/);
    expect(human.stdout).toContain(`\n${RATE_LINE}\nPrices you typed in EUR went to the estimate in US dollars at 0.92 EUR per US dollar: €0.92 per hour is $1 per hour.\n`);
    expect(human.stdout).toMatch(/\n {2}price per GPU-hour: 0\.92 EUR\/GPU-h\n {6}source: user input\n/);
    expect(human.stdout).not.toContain('$1,000');
  });

  it('training on your own GPUs: electricity and purchase price typed as people write euros ("0,276 €/kWh", "€1,656")', async () => {
    await shop();
    const args = [...RUN, '--owned', '--electricity-price', '0,276 €/kWh', '--purchase-price', '€1,656', '--write-off-months', '24', '--project', 'Corner shop'];
    const r = await asJson(args);
    // $0.30/kWh x 450 kWh = $135, plus 1,000 GPU-h x $1,800 / (24 x 730 h) = $102.74.
    expect(r.assumptions.electricityUsdPerKwh.value).toBeCloseTo(0.3, 12);
    expect(r.costUsd).toBeCloseTo(135 + (1000 * 1800) / (24 * 730), 6);
    const human = await cli(args);
    // Each figure converted once: $237.74 -> €218.72, $135 -> €124.20, $102.74 -> €94.52.
    expect(human.stdout).toMatch(/\n {2}cost +€219 +certain +your own hardware: electricity €124 \+ write-off €94\.52\n/);
    expect(human.stdout).toContain('Prices you typed in EUR went to the estimate in US dollars at 0.92 EUR per US dollar: €0.276 per kWh is $0.30 per kWh; €1,656 is $1,800.\n');
    expect(human.stdout).toMatch(/\n {2}electricity price: 0\.276 EUR\/kWh\n/);
  });

  it('catalog prices come back in euros too: the range, what moves the cost and the assumption', async () => {
    await shop();
    const human = await cli(['training', '--gpu-hours', '1000', '--hardware', 'h100-sxm', '--project', 'Corner shop']);
    expect(human.code).toBe(0);
    // The catalog's H100 SXM range is $2.99 (RunPod) to $11.06 (GCP): €2.75 to €10.2 at 0.92.
    expect(human.stdout).toMatch(/\n {2}1\. price per GPU-hour from 2\.75 to 10\.2: €[\d,]+ to €[\d,]+\n/);
    expect(human.stdout).toMatch(/\n {2}price per GPU-hour: [\d.]+ EUR\/GPU-h \(2\.75 - 10\.2\)\n/);
    expect(human.stdout).toContain(`\n${RATE_LINE}\n`);
    // Nothing was typed, so there is no line about typed prices.
    expect(human.stdout).not.toContain('Prices you typed');
    expect(human.stdout).not.toMatch(/\$\d/);
  });

  it('serving, pilot and model-size answers read their prices and budget in euros', async () => {
    await shop();
    const servedUsd = await cli(['inference', '--params', '7B', '--hardware', 'l4', '--price-per-hour', '0.8']);
    const servedEur = await cli(['inference', '--params', '7B', '--hardware', 'l4', '--price-per-hour', '0,736', '--project', 'Corner shop']);
    expect(servedUsd.stdout).toMatch(/\n {2}per 1k requests +\$3\.39 /);
    // $3.39 (3.3898...) x 0.92 = €3.12.
    expect(servedEur.stdout).toMatch(/\n {2}per 1k requests +€3\.12 /);
    expect(servedEur.stdout).toContain('€0.736 per hour is $0.80 per hour.');

    const PILOT = ['pilot', '--items', '10000', '--seconds', '50', '--hardware', 't4', '--full-items', '10M'];
    const pilotEur = await asJson([...PILOT, '--price-per-device-hour', '€0.92', '--project', 'Corner shop']);
    const pilotUsd = await asJson([...PILOT, '--price-per-device-hour', '1']);
    expect(pilotEur.costUsd).toBeCloseTo(pilotUsd.costUsd, 9);

    const sizedEur = await asJson(['optimal', '--budget', '€92k', '--hardware', 'h100-sxm', '--project', 'Corner shop']);
    const sizedUsd = await asJson(['optimal', '--budget-usd', '100k', '--hardware', 'h100-sxm']);
    expect(sizedEur.gpuHours).toBeCloseTo(sizedUsd.gpuHours, 6);
    expect(sizedEur.params).toBeCloseTo(sizedUsd.params, 0);
    const sizedText = await cli(['optimal', '--budget', '€92k', '--hardware', 'h100-sxm', '--project', 'Corner shop']);
    expect(sizedText.stdout).toContain('€92,000 is $100,000.');
  });

  it('compare: own-device prices in euros, the table and the recommendation re-worded in euros', async () => {
    await shop();
    const base = ['compare', '--workload', 'chat-assistant.workload.json', '--owned', 'rtx-3090'];
    const eur = await asJson([...base, '--purchase-price', '€920', '--electricity-price', '€0.30/kWh', '--project', 'Corner shop']);
    const usd = await asJson([...base, '--purchase-price', '1000', '--electricity-price', String(0.3 / 0.92)]);
    const owned = (r: { options: Array<{ option: string; monthlyCostUsd: { p50: number } }> }) => r.options.find((o) => o.option === 'owned')?.monthlyCostUsd.p50;
    expect(owned(eur)).toBeCloseTo(owned(usd) as number, 9);
    const human = await cli([...base, '--purchase-price', '€920', '--electricity-price', '€0.30/kWh', '--project', 'Corner shop']);
    expect(human.stdout.split('\n')[0]).toMatch(/^Use cloud AI service \(API\): it costs about €\d+ a month, against about €\d+ for your own device \(NVIDIA GeForce RTX 3090\)/);
    expect(human.stdout).toMatch(/\nYour own device \(NVIDIA GeForce RTX 3090\) +€\d/);
    expect(human.stdout).toContain(`\n${RATE_LINE}\nPrices you typed in EUR went to the estimate in US dollars at 0.92 EUR per US dollar: €0.30 per kWh is $0.326 per kWh; €920 is $1,000.\n`);
  });

  it('a purchase price said in thousands reads the same with --project as without: 1.8k in a USD project is 1800, in the euro project €1,800', async () => {
    await shop();
    await runCli(['projects', 'create', '--name', 'Dollars'], { dataDir: t.dir });
    const base = ['compare', '--workload', 'chat-assistant.workload.json', '--owned', 'rtx-3090'];
    const owned = (r: { options: Array<{ option: string; monthlyCostUsd: { p50: number } }> }) => r.options.find((o) => o.option === 'owned')?.monthlyCostUsd.p50;
    const plain = await asJson([...base, '--purchase-price', '1.8k']);
    expect(owned(plain)).toBeCloseTo(owned(await asJson([...base, '--purchase-price', '1800'])) as number, 9);
    for (const typed of ['1.8k', '1.8K', '$1.8k', '1,800']) expect(owned(await asJson([...base, '--purchase-price', typed, '--project', 'Dollars']))).toBeCloseTo(owned(plain) as number, 9);
    const inEuros = await asJson([...base, '--purchase-price', '1.8k', '--project', 'Corner shop']);
    expect(owned(inEuros)).toBeCloseTo(owned(await asJson([...base, '--purchase-price', String(1800 / 0.92)])) as number, 9);
    const human = await cli([...base, '--purchase-price', '€2.5M', '--project', 'Corner shop']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('€2,500,000 is $2,717,391.');
    // A separator before the letter that reads two ways is refused, saying what to type instead.
    const twoWays = await cli([...base, '--purchase-price', '1,800k', '--project', 'Corner shop']);
    expect(twoWays.stderr).toBe('tally estimate: --purchase-price "1,800k" can be read two ways; write 1800k or 1.8k\n');
    expect(twoWays.code).toBe(2);
  });

  it('a USD project changes nothing; a project without a rate, another currency, an unknown project and 0 are refused with exit 2', async () => {
    await shop();
    await runCli(['projects', 'create', '--name', 'Dollars'], { dataDir: t.dir });
    await runCli(['projects', 'create', '--name', 'Pounds', '--currency', 'GBP'], { dataDir: t.dir });
    const plain = await cli([...RUN, '--price-per-gpu-hour', '1.5']);
    const inUsd = await cli([...RUN, '--price-per-gpu-hour', '1.5', '--project', 'Dollars']);
    expect(inUsd.stdout).toBe(plain.stdout);

    const noRate = await cli([...RUN, '--price-per-gpu-hour', '1', '--project', 'Pounds']);
    expect(noRate.code).toBe(2);
    expect(noRate.stderr).toMatch(/^tally estimate: project "Pounds" counts in GBP and has no exchange rate from US dollars yet; set how many GBP one US dollar buys with tally projects update \S+ --usd-rate RATE \[--rate-date YYYY-MM-DD\]\n$/);
    const cases: Array<[string[], string]> = [
      [[...RUN, '--price-per-gpu-hour', '£1', '--project', 'Corner shop'], 'tally estimate: --price-per-gpu-hour is written in GBP, but this project counts in EUR; write it in EUR, like 2.50, €2.50 or 2.50 EUR per hour\n'],
      [[...RUN, '--price-per-gpu-hour', '0', '--project', 'Corner shop'], 'tally estimate: --price-per-gpu-hour must be greater than 0 (got "0")\n'],
      [[...RUN, '--price-per-gpu-hour', '1', '--project', 'Nowhere'], 'tally estimate: no project named "Nowhere"; see tally projects list\n'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.stderr).toBe(message);
      expect(r.code).toBe(2);
    }
  });
});
