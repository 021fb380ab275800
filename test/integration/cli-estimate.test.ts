import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateCli } from '../support/cli';
import { tempDir } from '../support/temp';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plan');

/** `tally estimate ...` in-process: every subcommand in human and --json form, and bad input. */
describe('tally estimate', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());
  const { cli, asJson } = estimateCli(() => t.dir, FIXTURES);

  it('training --json prints one object with the issue shape; numbers are numbers', async () => {
    t = tempDir();
    const r = await asJson(['training', '--params', '175B', '--tokens', '300e9', '--hardware', 'a100-80gb', '--gpus', '1,024', '--mfu', '0.5', '--goodput', '1', '--price-per-gpu-hour', '2']);
    for (const k of ['flops', 'gpuHours', 'wallClockHours', 'costUsd', 'energyKwh', 'co2Kg']) expect(typeof r[k]).toBe('number');
    expect(Object.keys(r.range)).toEqual(['p10', 'p50', 'p90']);
    expect(Object.keys(r.range.p90)).toEqual(['flops', 'gpuHours', 'wallClockHours', 'costUsd', 'energyKwh', 'co2Kg']);
    expect(Math.abs(r.flops / 3.14e23 - 1)).toBeLessThan(0.005); // GPT-3, Brown et al. 2020 Table D.1
    expect(r.gpuHours).toBeCloseTo((6 * 175e9 * 300e9) / (312e12 * 0.5 * 3600), 3);
    expect(r.costUsd).toBeCloseTo(r.gpuHours * 2, 6);
    expect(r.assumptions.mfu).toEqual({ value: 0.5, unit: 'fraction of dense peak', source: 'user input' });
  });

  it('training by GPU-hours omits flops and reproduces LLaMA-7B energy and CO2 (Touvron et al. 2023 Table 15: 36 MWh, 14 t)', async () => {
    t = tempDir();
    const r = await asJson(['training', '--gpu-hours', '82432', '--hardware', 'a100-80gb', '--gpu-power-w', '400', '--pue', '1.1', '--grid-intensity', '0.385', '--price-per-gpu-hour', '1']);
    expect(r).not.toHaveProperty('flops');
    expect(Math.round(r.energyKwh / 1000)).toBe(36);
    expect(Math.round(r.co2Kg / 1000)).toBe(14);
  });

  it('training human output: figures with units and range, what moves the cost, assumptions with sources and dates', async () => {
    t = tempDir();
    const r = await cli(['training', '--params', '7B', '--tokens', '1.4T', '--hardware', 'h100-sxm', '--gpus', '64']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Training on 64 x NVIDIA H100 SXM5 80GB (h100-sxm)');
    expect(lines[1]).toMatch(/^\s+best guess\s+likely range \(P10-P90\)\s+what it means$/);
    expect(r.stdout).toMatch(/\n {2}compute {5}5\.88e22 FLOPs/); // 6 x 7e9 x 1.4e12
    // The price's age is printed next to the cost (the catalog rows are from 2025-02/03).
    expect(r.stdout).toMatch(/\n {2}cost {8}\$[\d,]+ +\$[\d,]+ - \$[\d,]+ +GPU rental at the price below \(prices as of 2025-02-28, [\d.]+ (months|years) old\)/);
    expect(r.stdout).toMatch(/wall-clock +[\d,]+ h \([\d.,]+ days\)/);
    // AWS's pre-cut $12.29 is left out of the default range: GCP's $11.06 is the high case.
    expect(r.stdout).toContain('What moves the cost most:\n  1. price per GPU-hour from 2.99 to 11.1:');
    expect(r.stdout).toMatch(/price per GPU-hour: 6\.\d+ USD\/GPU-h \(2\.99 - 11\.1\)\n {6}source: catalog on-demand prices for h100-sxm.* \(as of 2025-02-28, [\d.]+ (months|years) old\)/);
  });

  it('optimal: Chinchilla Table 3 (5.76e23 FLOPs -> about 67B params) in JSON and words', async () => {
    t = tempDir();
    const r = await asJson(['optimal', '--flops', '5.76e23']);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['params', 'tokens', 'flops', 'fit']));
    expect(r.fit).toBe('hoffmann-approach-1');
    expect(Math.abs(r.params / 67e9 - 1)).toBeLessThan(0.03);
    const rule = await asJson(['optimal', '--params', '1B', '--fit', 'chinchilla-20x']);
    expect(rule.tokens).toBeCloseTo(20e9, -3);
    const human = await cli(['optimal', '--budget-usd', '100k', '--hardware', 'h100-sxm', '--price-per-gpu-hour', '2.5', '--mfu', '0.4']);
    expect(human.stdout).toMatch(/^Compute-optimal size \(hoffmann-approach-1\)\n {2}parameters {2}[\d.]+B /);
    expect(human.stdout).toMatch(/GPU-hours +40,000 +what the budget buys/);
  });

  it('memory: the ZeRO-3 example (7.5B over 64 GPUs = 1.9 GB per GPU, Rajbhandari et al. 2019) and inference KV cache', async () => {
    t = tempDir();
    const zero3 = await asJson(['memory', '--params', '7.5B', '--mode', 'training', '--zero', '3', '--gpus', '64']);
    expect(zero3.totalGb).toBeCloseTo(1.875, 9);
    expect(Object.keys(zero3.breakdown)).toEqual(['weightsGb', 'gradientsGb', 'optimizerGb', 'activationsGb', 'kvCacheGb', 'overheadGb']);
    const inf = await asJson(['memory', '--params', '7B', '--mode', 'inference', '--layers', '32', '--hidden', '4096', '--heads', '32', '--context', '4096', '--batch', '1']);
    expect(inf.breakdown.kvCacheGb).toBeCloseTo((524_288 * 4096) / 1e9, 9); // 0.5 MiB per token at fp16
    expect(inf.fits[0]).toEqual(expect.objectContaining({ hardware: expect.any(String), count: 1 }));
    const human = await cli(['memory', '--params', '7B', '--mode', 'inference', '--precision', 'int4']);
    // int4 counted as llama.cpp's Q4_0, 4.5 bits a weight: 7e9 x 0.5625 B = 3.94 GB, + 20% overhead.
    expect(human.stdout).toMatch(/^Memory for inference: 4\.72 GB per device \(GB = 1e9 bytes\)\n {2}weights +3\.94 GB +the model itself\n {2}overhead +0\.787 GB/);
    expect(human.stdout).toMatch(/Devices that hold it \(fewest first.*\):\nID +DEVICE +COUNT +MEMORY EACH/);
  });

  it('inference: roofline-bounded decode and the issue JSON shape; human output explains each figure', async () => {
    t = tempDir();
    const r = await asJson(['inference', '--params', '7B', '--hardware', 'a100-80gb', '--price-per-hour', '2', '--serving', 'optimized']);
    for (const k of ['prefillTokensPerS', 'decodeTokensPerSPerSequence', 'decodeTokensPerSTotal', 'memoryGb', 'costPer1MTokensUsd']) expect(typeof r[k]).toBe('number');
    expect(Object.keys(r.latencyMs)).toEqual(['firstToken', 'total']);
    expect(r.decodeTokensPerSPerSequence).toBeLessThan(2039 / 14);
    expect((r.costPer1MTokensUsd * r.decodeTokensPerSTotal * 3600) / 1e6).toBeCloseTo(2, 9);
    const human = await cli(['inference', '--params', '7B', '--hardware', 'l4', '--serving', 'plain']);
    expect(human.stdout).toMatch(/^Serving on 1 x NVIDIA L4 \(l4\): 16\.8 GB needed, memory-bound decode/);
    expect(human.stdout).toMatch(/\n {2}decode +[\d.]+ tok\/s +[\d.]+ - [\d.]+ +how fast each answer is written/);
    expect(human.stdout).toContain('Note: KV cache not counted: give layers, kv-heads and head-dim.');
  });

  it('compare --workload: the comparison as JSON and as a table with break-even and what would change', async () => {
    t = tempDir();
    const r = await asJson(['compare', '--workload', 'chat-assistant.workload.json']);
    expect(r.options.map((o: { option: string }) => o.option)).toEqual(['api', 'cloud-gpu', 'owned']);
    const api = r.options[0];
    expect(api.costPerRequestUsd.p50).toBeCloseTo((800 * 0.15 + 250 * 0.6) / 1e6, 12);
    expect(r.breakEven).toHaveLength(3);
    const human = await cli(['compare', '--workload', 'chat-assistant.workload.json']);
    expect(human.stdout.split('\n')[0]).toBe(r.recommendation.sentence);
    expect(human.stdout).toMatch(/OPTION +MONTHLY +LIKELY RANGE +PER REQUEST +ANSWER TIME +FAST ENOUGH +YOUR DATA +ALLOWED/);
    expect(human.stdout).toMatch(/Cloud AI service \(API\) +\$16\.43 +certain +\$0\.00027/); // $0.00027 x 2000 x 730/24
    expect(human.stdout).toContain('Break-even volumes:');
  });

  it('pilot: scales a measured run by the dense-peak ratio (T4 65 -> A100 312 TFLOPS)', async () => {
    t = tempDir();
    const r = await asJson(['pilot', '--items', '10000', '--seconds', '50', '--hardware', 't4', '--full-items', '10M', '--target-hardware', 'a100-80gb', '--price-per-device-hour', '2']);
    expect(r.peakRatio).toBeCloseTo(312 / 65, 12);
    expect(r.wallClockHours).toBeCloseTo(5e4 / 3600 / (312 / 65), 9);
    expect(r.costUsd).toBeCloseTo(r.deviceHours * 2, 9);
    const human = await cli(['pilot', '--items', '10000', '--seconds', '50', '--hardware', 't4', '--full-items', '10M']);
    expect(human.stdout).toMatch(/^Full run on NVIDIA T4 \(t4\), scaled from the pilot by a peak ratio of 1\n/);
    expect(human.stdout).toMatch(/wall-clock +13\.9 h /); // 1e7 / 200 per s = 5e4 s
  });

  it('refuses bad input with one clear line naming the flag, exit code 2, nothing on stdout', async () => {
    t = tempDir();
    const cases: Array<[string[], string | RegExp]> = [
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100'], /^tally estimate: --hardware: unknown hardware id "h100". Valid ids: a10, a100-40gb, .*h100-sxm, .*rtx-4090, .*tpu-v5e/],
      [['training', '--params', '-7B', '--tokens', '1T', '--hardware', 'h100-sxm'], 'tally estimate: --params must not be negative (got "-7B")'],
      [['training', '--params', 'NaN', '--tokens', '1T', '--hardware', 'h100-sxm'], 'tally estimate: --params must be a finite number (got "NaN")'],
      [['training', '--params', '7B', '--tokens', 'lots', '--hardware', 'h100-sxm'], 'tally estimate: --tokens must be a number like 7e9, 7000000000, 7B or 1.4T (got "lots")'],
      [['training', '--tokens', '1T', '--hardware', 'h100-sxm'], 'tally estimate: missing --params'],
      [['training', '--params', '7B', '--tokens', '1T'], 'tally estimate: missing --hardware'],
      [['training', '--gpu-hours', '10', '--hardware', 'jetson-orin-nano'], /^tally estimate: --price-per-gpu-hour: the catalog has no cloud price for jetson-orin-nano/],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--mfu', '1.5'], "tally estimate: --mfu: MFU (share of the GPU's peak speed actually used) must not exceed 1"],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--gpus', '2.5'], 'tally estimate: --gpus must be a whole number (got "2.5")'],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--precision', 'int4'], 'tally estimate: --precision must be one of fp32, tf32, bf16, fp16, fp8 (got "int4")'],
      [['optimal', '--flops', '1e23', '--params', '1B'], 'tally estimate: give exactly one of --flops, --params or --budget-usd'],
      [['optimal', '--flops', '1e23', '--fit', 'kaplan'], /^tally estimate: --fit must be one of hoffmann-approach-1, /],
      [['memory', '--params', '7B'], 'tally estimate: missing --mode (training or inference)'],
      [['memory', '--params', '7B', '--mode', 'training', '--layers', '32'], 'tally estimate: --hidden: activations need layers, hidden, heads, seq and micro-batch; missing hidden, heads, seq, micro-batch'],
      [['inference', '--params', '7B', '--hardware', 'a100-80gb', '--batch', '-2'], 'tally estimate: --batch must not be negative (got "-2")'],
      [['inference', '--params', 'Infinity', '--hardware', 'a100-80gb'], 'tally estimate: --params must be a finite number (got "Infinity")'],
      [['compare'], 'tally estimate: missing --workload'],
      [['compare', '--workload', 'missing.json'], 'tally estimate: cannot read workload file missing.json: no such file'],
      [['compare', '--workload', 'malformed.workload.json'], /^tally estimate: malformed\.workload\.json, line 4: not valid JSON/],
      [['compare', '--workload', 'bad-field.workload.json'], 'tally estimate: bad-field.workload.json: requestsPerDay: must be greater than 0'],
      [['pilot', '--items', '100', '--seconds', '1', '--hardware', 't4', '--full-items', '1M', '--target-hardware', 'xyz'], /^tally estimate: --target-hardware: unknown hardware id "xyz"/],
      [['pilot', '--items', '100', '--seconds', '0', '--hardware', 't4', '--full-items', '1M'], 'tally estimate: --seconds must be greater than 0 (got "0")'],
      // A target device that cannot run the precision is blamed on --target-hardware, not --hardware.
      [['pilot', '--items', '100', '--seconds', '1', '--hardware', 't4', '--full-items', '1M', '--target-hardware', 'coral-edge-tpu'], 'tally estimate: --target-hardware: coral-edge-tpu publishes no compute figure for bf16'],
      [['pilot', '--items', '100', '--seconds', '1', '--hardware', 'coral-edge-tpu', '--full-items', '1M', '--target-hardware', 't4'], 'tally estimate: --hardware: coral-edge-tpu publishes no compute figure for bf16'],
      // Messages name the flags, never an internal field.
      [['memory', '--params', '7B', '--mode', 'training', '--lora-rank', '8'], 'tally estimate: --lora-rank needs --layers and --hidden to size the adapters (2 x rank x hidden per adapted matrix, 4 matrices per layer)'],
      [['memory', '--params', '7B', '--mode', 'training', '--qlora'], 'tally estimate: --qlora needs --lora-rank, --layers and --hidden to size the adapters'],
      // Plausibility: refused outside the documented bounds, naming the flag and the reason.
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--pue', '10'], /^tally estimate: --pue: must be at most 3, got 10: PUE is at least 1/],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--gpu-power-w', '1000000'], /^tally estimate: --gpu-power-w: must be at most 3,000 W per device, got 1,000,000/],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--grid-intensity', '50'], /^tally estimate: --grid-intensity: must be at most 2 kg CO2e\/kWh, got 50/],
      [['pilot', '--items', '100', '--seconds', '1', '--hardware', 't4', '--full-items', '1M', '--pue', '10'], /^tally estimate: --pue: must be at most 3, got 10/],
      // Devices without a link to a second one are never split.
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'jetson-agx-orin', '--gpus', '2', '--price-per-gpu-hour', '1'], 'tally estimate: --gpus: must be 1: NVIDIA Jetson AGX Orin 64GB has no link to a second device (a small board): it runs a model alone or not at all'],
      [['inference', '--params', '7B', '--hardware', 'raspberry-pi-5'], /^tally estimate: --hardware: Raspberry Pi 5 .* cannot hold this model \(16\.8 GB needed, 8 GB on the device\), and it has no link to a second device/],
      // A provider that does not price the device lists the ones that do.
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--provider', 'Nowhere'], 'tally estimate: --provider: the catalog has no on-demand h100-sxm price from "Nowhere"; providers that price it: AWS, GCP, Lambda, Oracle, RunPod'],
      [['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--provider', 'Lambda', '--price-per-gpu-hour', '2'], 'tally estimate: give either --price-per-gpu-hour or --provider, not both'],
      [['frobnicate'], 'tally estimate: unknown estimate command "frobnicate"'],
      [['training', '--colour', 'red'], "tally estimate: Unknown option '--colour'."],
    ];
    for (const [args, expected] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      const first = r.stderr.split('\n')[0] as string;
      if (typeof expected === 'string') expect(first, args.join(' ')).toBe(expected);
      else expect(first, args.join(' ')).toMatch(expected);
    }
  });

  it('<sub> --help prints that subcommand\'s usage, not the whole list', async () => {
    t = tempDir();
    const r = await cli(['training', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: tally estimate training --params N/);
    expect(r.stdout).not.toContain('tally estimate inference');
    expect(r.stdout).toContain('--goodput X');
    const inf = await cli(['inference', '-h']);
    expect(inf.stdout).toMatch(/usage: tally estimate inference --params N/);
    expect(inf.stdout).not.toContain('tally estimate training');
    const all = await cli(['--help']);
    expect(all.stdout).toContain('tally estimate training');
    expect(all.stdout).toContain('tally estimate pilot');
  });

  it('warns, in the report and in --json, on a model that does not fit and on implausible inputs', async () => {
    t = tempDir();
    // GPT-3 175B on 8 x V100-16GB: 2,800 GB of Adam state against 128 GB.
    const human = await cli(['training', '--params', '175B', '--tokens', '300B', '--hardware', 'v100', '--gpus', '8']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\nWarning: Does not fit in memory: weights, gradients and Adam states take about 2,800 GB .*8 x NVIDIA V100 SXM2 16GB hold 128 GB together\. Use at least 175 such GPUs/);
    // The V100 has no BF16: the run is costed and labelled as FP16.
    expect(human.stdout).toContain('Note: NVIDIA V100 SXM2 16GB has no BF16: costed as FP16 mixed precision at the same tensor rate (125 TFLOPS).');
    const j = await asJson(['training', '--params', '175B', '--tokens', '300B', '--hardware', 'v100', '--gpus', '8']);
    expect(j.memoryFit).toMatchObject({ fits: false, minGpus: 175, deviceGb: 16 });
    expect(j.assumptions.precision.value).toBe('fp16');
    const pue = await asJson(['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--gpus', '8', '--pue', '2.5']);
    // The user typed --pue, so the warning may say PUE, once paired with what it means.
    expect(pue.warnings).toEqual([expect.stringMatching(/^PUE \(data-centre overhead for cooling and power supply\) of 2\.5 is unusually high \(PUE is at least 1;/)]);
    const mfu = await asJson(['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--gpus', '8', '--mfu', '0.9']);
    expect(mfu.warnings).toEqual([
      "MFU (share of the GPU's peak speed actually used) of 0.9 is unusually high (no published training run passes about 0.65 MFU); check it.",
    ]);
    // 7B needs 112 GB of Adam state: one 80 GB H100 cannot hold it.
    const one = await asJson(['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm']);
    expect(one.warnings[0]).toMatch(/^Does not fit in memory: .*112 GB .*one NVIDIA H100 SXM5 80GB holds 80 GB\. Use at least 2 such GPUs/);
  });

  it('prices one provider on request, and prints the price age next to inference and pilot costs', async () => {
    t = tempDir();
    const lambda = await asJson(['training', '--params', '7B', '--tokens', '1T', '--hardware', 'h100-sxm', '--provider', 'lambda']);
    expect(lambda.assumptions.pricePerGpuHourUsd).toMatchObject({ value: 3.29, asOf: '2025-02-28', source: expect.stringMatching(/^catalog h100-sxm@lambda/) });
    expect(lambda.assumptions.pricePerGpuHourUsd.range).toBeUndefined();
    const inf = await cli(['inference', '--params', '7B', '--hardware', 'a100-80gb']);
    expect(inf.stdout).toMatch(/per 1M tokens .*device rental per million output tokens, fully busy \(prices as of 2025-03-02, [\d.]+ (months|years) old\)/);
    const pilot = await cli(['pilot', '--items', '10000', '--seconds', '50', '--hardware', 't4', '--full-items', '10M', '--target-hardware', 'a100-80gb']);
    expect(pilot.stdout).toMatch(/cost .*device rental \(prices as of 2025-03-02, [\d.]+ (months|years) old\)/);
  });
});
