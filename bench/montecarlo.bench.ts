/**
 * Times a 10,000-sample Monte Carlo of one training estimate (target: under 50 ms, issue 3) and
 * prints it next to a reference measured in the same run: 10,000 plain deterministic evaluations
 * of the same training formulas, hand-inlined, with inputs from the same seeded generator and
 * results written to a typed array (the floor any Monte Carlo of this model pays). The ratio is
 * the figure to watch; absolute times vary with the machine and its load (see
 * shared/reference/perf-anchors.md).
 *
 * Run: `node bin/run-ts.js bench/montecarlo.bench.ts` (or `npx tsx bench/montecarlo.bench.ts`).
 */
import { pathToFileURL } from 'node:url';
import { co2Kg, createSeededRng, energyKwh, estimateTraining, gpuHoursFor, trainingFlops, type TrainingInput } from '../shared/budget';
import type { HardwareSpec } from '../shared/domain/hardware';

const H100: HardwareSpec = { id: 'h100-sxm', name: 'NVIDIA H100 SXM5', vendor: 'NVIDIA', kind: 'datacenter-gpu', fp32Tflops: 67, tf32Tflops: 494.7, bf16Tflops: 989.5, fp8Tflops: 1979, int8Tops: 1979, memoryGb: 80, bandwidthGbs: 3350, tdpW: 700 };
const INPUT: TrainingInput = { hardware: H100, gpus: 256, params: 7e9, tokens: 2e12, pricePerGpuHourUsd: { p10: 2.99, p50: 10, p90: 12.29 } };
const SAMPLES = 10_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Deterministic evaluations of the same formulas, the in-run reference. */
function referenceRun(seed: number): Float64Array {
  const rng = createSeededRng(seed);
  const out = new Float64Array(SAMPLES * 5);
  const flops = trainingFlops(7e9, 2e12);
  for (let i = 0; i < SAMPLES; i += 1) {
    const mfu = 0.4 * Math.exp(0.1 * rng.normal());
    const h = gpuHoursFor(flops, 989.5, mfu);
    const kwh = energyKwh(h, 700, 1.1);
    out[i * 5] = h;
    out[i * 5 + 1] = h / 256;
    out[i * 5 + 2] = h * 10;
    out[i * 5 + 3] = kwh;
    out[i * 5 + 4] = co2Kg(kwh, 0.475);
  }
  return out;
}

export interface MonteCarloBenchResult {
  /** Median ms of one 10k-sample training estimate (Monte Carlo + tornado). */
  ms: number;
  /** Median ms of 10k deterministic evaluations measured in the same run. */
  referenceMs: number;
  /** The very first call, before the JIT has warmed up (what a CLI invocation pays). */
  firstCallMs: number;
  ratio: number;
  samples: number;
}

export function runMonteCarloBench(repeats = 15, warmups = 10): MonteCarloBenchResult {
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const firstCallMs = time(() => estimateTraining(INPUT, { samples: SAMPLES, seed: 99 }));
  // Warm up the JIT on both paths before measuring.
  for (let i = 0; i < warmups; i += 1) {
    estimateTraining(INPUT, { samples: SAMPLES, seed: i });
    referenceRun(i);
  }
  const ms: number[] = [];
  const ref: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    ms.push(time(() => estimateTraining(INPUT, { samples: SAMPLES, seed: 100 + i })));
    ref.push(time(() => referenceRun(100 + i)));
  }
  const m = median(ms);
  const r = median(ref);
  return { ms: m, referenceMs: r, firstCallMs, ratio: m / r, samples: SAMPLES };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runMonteCarloBench();
  console.log(`Monte Carlo, one training estimate, ${r.samples.toLocaleString('en-US')} samples: ${r.ms.toFixed(2)} ms (target < 50 ms)`);
  console.log(`reference, ${r.samples.toLocaleString('en-US')} deterministic evaluations:  ${r.referenceMs.toFixed(3)} ms`);
  console.log(`ratio: ${r.ratio.toFixed(1)}x; first (cold) call: ${r.firstCallMs.toFixed(2)} ms`);
}
