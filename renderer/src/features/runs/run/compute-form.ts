import { ComputePatch, type RunDetail } from '../../../../../shared/contract/runs';

/**
 * The "what did this run use?" form: the fields as typed, their parsing and the contract's own
 * ComputePatch schema for messages, and the patch runs.setCompute receives. An empty field clears
 * the value (the backend then falls back: duration from start/end, energy estimated, cost computed).
 */
export interface ComputeFormValues {
  hardwareId: string;
  devices: string;
  durationHours: string;
  energyKwh: string;
  manualCost: string;
  manualCurrency: string;
  priceUsd: string;
}
export type ComputeField = keyof ComputeFormValues;
export type ComputeErrors = Partial<Record<ComputeField, string>>;

function num(n: number | null, digits = 6): string {
  return n == null ? '' : String(Number(n.toFixed(digits)));
}

export function formFromRun(run: Pick<RunDetail, 'compute' | 'currency'>): ComputeFormValues {
  const c = run.compute;
  return {
    hardwareId: c.hardwareId ?? '',
    devices: c.devices == null ? '' : String(c.devices),
    durationHours: c.durationS == null ? '' : num(c.durationS / 3600, 4),
    energyKwh: num(c.energyKwhMeasured),
    manualCost: c.manualCostCents == null ? '' : (c.manualCostCents / 100).toFixed(2),
    manualCurrency: c.manualCostCurrency ?? run.currency,
    priceUsd: num(c.pricePerDeviceHourUsd),
  };
}

const FIELD_OF: Record<string, ComputeField> = {
  hardwareId: 'hardwareId',
  devices: 'devices',
  durationS: 'durationHours',
  energyKwhMeasured: 'energyKwh',
  manualCostCents: 'manualCost',
  manualCostCurrency: 'manualCurrency',
  pricePerDeviceHourUsd: 'priceUsd',
};

type Patch = {
  hardwareId: string | null;
  devices: number | null;
  durationS: number | null;
  energyKwhMeasured: number | null;
  manualCostCents: number | null;
  manualCostCurrency: string | null;
  pricePerDeviceHourUsd: number | null;
};

/** The patch to save, or a message per field. */
export function computePatch(v: ComputeFormValues): { ok: true; patch: Patch } | { ok: false; errors: ComputeErrors } {
  const errors: ComputeErrors = {};
  const parse = (field: ComputeField, text: string): number | null => {
    const t = text.trim().replace(/,/g, '');
    if (t === '') return null;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      errors[field] = 'Give a number';
      return null;
    }
    return n;
  };
  const devices = parse('devices', v.devices);
  const hours = parse('durationHours', v.durationHours);
  const energy = parse('energyKwh', v.energyKwh);
  const cost = parse('manualCost', v.manualCost);
  const price = parse('priceUsd', v.priceUsd);
  if (cost != null && Math.abs(cost * 100 - Math.round(cost * 100)) > 1e-6) errors.manualCost = 'Give the amount to the cent, e.g. 12.50';
  const patch: Patch = {
    hardwareId: v.hardwareId.trim() || null,
    devices,
    durationS: hours == null ? null : hours * 3600,
    energyKwhMeasured: energy,
    manualCostCents: cost == null ? null : Math.round(cost * 100),
    manualCostCurrency: cost == null ? null : v.manualCurrency.trim().toUpperCase() || null,
    pricePerDeviceHourUsd: price,
  };
  const r = ComputePatch.safeParse(patch);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'hardwareId';
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, patch };
}
