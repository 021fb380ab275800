import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateCli } from '../support/cli';
import { tempDir } from '../support/temp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plan');

/** `tally estimate training|pilot --owned` and `compare --owned ID`: hardware you already own. */
describe('tally estimate on hardware you own', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());
  const { cli, asJson } = estimateCli(() => t.dir, FIXTURES);
  // 1,000 GPU-hours on three RTX 4090s at 450 W and no overhead: 450 kWh.
  const RUN = ['training', '--gpu-hours', '1000', '--hardware', 'rtx-4090', '--gpus', '3', '--gpu-power-w', '450', '--pue', '1'];

  it('training --owned: electricity plus the write-off share of the purchase (worked numbers)', async () => {
    t = tempDir();
    const r = await asJson([...RUN, '--owned', '--electricity-price', '0.2', '--purchase-price', '1,800', '--write-off-months', '24']);
    // 450 kWh x $0.20 = $90; 1,000 GPU-h x $1,800 / (24 x 730 h) = $102.74.
    expect(r.costUsd).toBeCloseTo(90 + (1000 * 1800) / (24 * 730), 6);
    expect(r.ownedCost.electricityUsd).toBeCloseTo(90, 9);
    expect(r.assumptions).not.toHaveProperty('pricePerGpuHourUsd');
    expect(r.assumptions.electricityUsdPerKwh).toEqual({ value: 0.2, unit: 'USD/kWh', source: 'user input' });
    const human = await cli([...RUN, '--owned', '--electricity-price', '0.2', '--purchase-price', '1800', '--write-off-months', '24']);
    expect(human.stdout.split('\n')[0]).toBe('Training on 3 x NVIDIA GeForce RTX 4090 (rtx-4090), your own');
    // One money format: whole dollars from $100 on, cents below.
    expect(human.stdout).toMatch(/\n {2}cost +\$193 +certain +your own hardware: electricity \$90 \+ write-off \$103\n/);
    expect(human.stdout).toMatch(/\n {2}electricity price: 0\.2 USD\/kWh\n {6}source: user input\n/);
    expect(human.stdout).toContain('how long you wait with 3 GPUs');
  });

  it('--owned alone: already paid, electricity at the dated default tariff with its age; 0 is a valid price', async () => {
    t = tempDir();
    const r = await asJson([...RUN, '--owned']);
    expect(r.costUsd).toBeCloseTo(450 * 0.17, 9);
    expect(r.assumptions.purchaseUsd.value).toBe('already paid');
    expect(r.assumptions.electricityUsdPerKwh).toMatchObject({ value: 0.17, asOf: '2024-04', ageDays: expect.any(Number) });
    const free = await asJson([...RUN, '--electricity-price', '0', '--purchase-price', '0']);
    expect(free.costUsd).toBe(0);
    const one = await cli(['training', '--gpu-hours', '10', '--hardware', 'rtx-4090', '--owned']);
    expect(one.stdout).toContain('how long you wait with 1 GPU\n');
    expect(one.stdout).toMatch(/cost .*your own hardware: electricity \$[\d.]+ \+ purchase already paid/);
  });

  it('a 1B model on three owned GPUs against three rented ones', async () => {
    t = tempDir();
    const base = ['training', '--params', '1B', '--tokens', '20B', '--gpus', '3'];
    const owned = await asJson([...base, '--hardware', 'rtx-4090', '--owned', '--electricity-price', '0.30', '--purchase-price', '2000', '--write-off-months', '36']);
    const rented = await asJson([...base, '--hardware', 'a100-80gb']);
    expect(owned.costUsd).toBeCloseTo(owned.energyKwh * 0.3 + (owned.gpuHours * 2000) / (36 * 730), 6);
    expect(rented.costUsd).toBeCloseTo(rented.gpuHours * rented.assumptions.pricePerGpuHourUsd.value, 0);
    expect(owned.sensitivity.map((s: { input: string }) => s.input)).not.toContain('pricePerGpuHourUsd');
  });

  it('pilot --owned costs the scaled run the same way', async () => {
    t = tempDir();
    const r = await asJson(['pilot', '--items', '1000', '--seconds', '10', '--hardware', 'rtx-4090', '--full-items', '3.6M', '--power-w', '450', '--pue', '1', '--electricity-price', '0.2']);
    expect(r.wallClockHours).toBeCloseTo(10, 9);
    expect(r.costUsd).toBeCloseTo(4.5 * 0.2, 9);
  });

  it('compare --owned ID sets the own-device option; --purchase-price 0 is a device already paid for', async () => {
    t = tempDir();
    const r = await asJson(['compare', '--workload', 'chat-assistant.workload.json', '--owned', 'rtx-3090', '--purchase-price', '0', '--electricity-price', '0.3']);
    const owned = r.options.find((o: { option: string }) => o.option === 'owned');
    expect(owned.label).toBe('Your own device (NVIDIA GeForce RTX 3090)');
    expect(owned.upfrontUsd).toBe(0);
    expect(r.assumptions.purchaseUsd.value).toBe('already paid');
    expect(r.assumptions.electricityUsdPerKwh.value).toBe(0.3);
    const human = await cli(['compare', '--workload', 'chat-assistant.workload.json']);
    // Answer times in seconds, never "8000 ms".
    expect(human.stdout).toMatch(/answers within your limit of 8 seconds/);
    expect(human.stdout).not.toMatch(/\d{4,} ms/);
  });

  it('refuses mixed or incomplete owned flags with one line naming the flag', async () => {
    t = tempDir();
    const noOwned = join(t.dir, 'api-only.workload.json');
    writeFileSync(noOwned, JSON.stringify({ requestsPerDay: 100, outputTokensPerRequest: 100, months: 1, dataSensitivity: 'public', options: { api: { inputUsdPerMTok: 1, outputUsdPerMTok: 1 } } }));
    const cases: Array<[string[], string]> = [
      [[...RUN, '--owned', '--price-per-gpu-hour', '2'], 'tally estimate: give either --price-per-gpu-hour (rented) or --owned (your own hardware), not both'],
      [[...RUN, '--purchase-price', '900', '--provider', 'Lambda'], 'tally estimate: give either --provider (rented) or --owned / --purchase-price (your own hardware), not both'],
      [[...RUN, '--owned', '--write-off-months', '12'], 'tally estimate: --write-off-months needs --purchase-price: without a purchase price the device counts as already paid'],
      [[...RUN, '--electricity-price', '-0.1'], 'tally estimate: --electricity-price must not be negative (got "-0.1")'],
      [[...RUN, '--owned', '--purchase-price', '900', '--write-off-months', '0'], 'tally estimate: --write-off-months must be greater than 0 (got "0")'],
      [[...RUN, '--owned', '--purchase-price', '900', '--write-off-months', '6000'], 'tally estimate: --write-off-months: must be at most 600 (50 years)'],
      [['compare', '--workload', noOwned, '--electricity-price', '0.3'], 'tally estimate: --electricity-price, --purchase-price and --write-off-months price your own device: name it with --owned ID (or give an own-device option in the workload file)'],
    ];
    const unknown = await cli(['compare', '--workload', 'chat-assistant.workload.json', '--owned', 'gtx-9999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tally estimate: --owned: unknown hardware id "gtx-9999"; valid ids: a10, a100-40gb, .*rtx-4090/);
    for (const [args, expected] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(expected);
    }
  });
});
