import { describe, expect, it } from 'vitest';
import { compareDeployments } from './deployment-comparison';
import { ASSUMPTION_WORDS, assumptionName } from './assumption-words';
import { extrapolatePilot } from './pilot-extrapolation';
import { RTX_4090, T4, TEST_DEVICES } from './test-hardware';
import { estimateTraining } from './training-estimate';

const FAST = { samples: 50, seed: 1 };

describe('plain names of assumptions', () => {
  it('every key the estimators write has a name without abbreviations such as MFU, PUE or TDP', () => {
    const keys = new Set<string>();
    const add = (o: Record<string, unknown>) => Object.keys(o).forEach((k) => keys.add(k));
    const t = estimateTraining({ hardware: RTX_4090, params: 1e9, tokens: 2e10, owned: { purchaseUsd: 1000 } }, FAST);
    add(t.assumptions);
    t.sensitivity.forEach((s) => keys.add(s.input));
    add(estimateTraining({ hardware: RTX_4090, gpuHours: 10, pricePerGpuHourUsd: 1 }, FAST).assumptions);
    const p = extrapolatePilot({ pilot: { items: 10, seconds: 1, hardware: T4 }, fullItems: 1e5, target: { hardware: RTX_4090, devices: 2 }, pricePerDeviceHourUsd: 1 }, FAST);
    add(p.assumptions);
    p.sensitivity.forEach((s) => keys.add(s.input));
    const c = compareDeployments({ requestsPerDay: 1000, outputTokensPerRequest: 100, inputTokensPerRequest: 100, months: 12, dataSensitivity: 'internal', model: { params: 7e9 }, options: { api: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 2000 } } }, { hardware: TEST_DEVICES }, FAST);
    add(c.assumptions);
    for (const k of keys) expect(ASSUMPTION_WORDS[k], k).toBeDefined();
    for (const name of Object.values(ASSUMPTION_WORDS)) expect(name).not.toMatch(/\b(MFU|MBU|PUE|TDP|PSI)\b/);
  });

  it('an unknown key becomes words, never a camelCase field name', () => {
    expect(assumptionName('zeroStage')).toBe('memory sharding stage');
    expect(assumptionName('someNewFactorUsd')).toBe('some new factor usd');
  });
});
