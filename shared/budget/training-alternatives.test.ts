import { describe, expect, it } from 'vitest';
import { trainingAlternatives } from './training-alternatives';
import { A100_80GB, H100_SXM, RASPBERRY_PI_5, RTX_4090 } from './test-hardware';

describe('cheaper hardware alternatives', () => {
  it('prices the same run on each device, cheapest first, skipping devices that cannot run it', () => {
    const r = trainingAlternatives({ params: 1e9, tokens: 2e10, gpus: 8 }, [
      { hardware: H100_SXM, pricePerGpuHourUsd: 2.99 },
      { hardware: A100_80GB, pricePerGpuHourUsd: 1.89 },
      { hardware: RTX_4090, pricePerGpuHourUsd: 0.69 },
      { hardware: { ...RASPBERRY_PI_5, fp32Tflops: null }, pricePerGpuHourUsd: 0.01 },
    ]);
    const costs = r.alternatives.map((a) => a.estimate.costUsd);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(r.alternatives.map((a) => a.hardware).sort()).toEqual(['a100-80gb', 'h100-sxm', 'rtx-4090']);
    expect(r.skipped).toEqual([{ hardware: 'raspberry-pi-5', reason: expect.stringMatching(/Number of GPUs: must be 1: Raspberry Pi 5 has no link to a second device/) }]);
    const one = trainingAlternatives({ params: 1e9, tokens: 2e10, gpus: 1 }, [{ hardware: { ...RASPBERRY_PI_5, fp32Tflops: null }, pricePerGpuHourUsd: 0.01 }]);
    expect(one.skipped).toEqual([{ hardware: 'raspberry-pi-5', reason: expect.stringMatching(/no compute figure/) }]);
  });
});
