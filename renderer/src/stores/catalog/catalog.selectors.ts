import type { CatalogEntry, CatalogKind } from '../../../../shared/contract/catalog';

/** Pure views over catalog entries; tested without React. */

export const KIND_LABELS: Record<CatalogKind, { label: string; explain: string }> = {
  hardware: { label: 'Hardware', explain: 'Chips and devices: speed, memory and power, from the maker’s data sheet.' },
  'cloud-gpu-price': { label: 'Cloud prices', explain: 'What one GPU costs per hour to rent from a cloud provider.' },
  'llm-api-price': { label: 'AI service prices', explain: 'What a hosted AI model charges per million tokens (about 750,000 words) in and out.' },
  'grid-intensity': { label: 'Grid intensity', explain: 'How much CO2 one kilowatt-hour of electricity emits in a region.' },
};

/** A price older than this is shown in the warning colour: cloud and API prices change often. */
export const STALE_AFTER_DAYS = 365;

export interface AgeBadge {
  text: string;
  stale: boolean;
  title: string;
}

/** "3 days old", "5 months old", "2 years old": whole units, rounded down, never "0 months". */
export function ageBadge(ageInDays: number | null, asOf: string): AgeBadge {
  if (ageInDays === null) return { text: 'date unknown', stale: true, title: `As of “${asOf}”: not a date Tally can read` };
  const title = `As of ${asOf}`;
  if (ageInDays < 0) return { text: 'future date', stale: true, title: `${title}: later than today` };
  if (ageInDays < 31) return { text: ageInDays === 0 ? 'today' : `${ageInDays} day${ageInDays === 1 ? '' : 's'} old`, stale: false, title };
  const months = Math.floor(ageInDays / 30.44);
  const stale = ageInDays > STALE_AFTER_DAYS;
  if (months < 24) return { text: `${months} month${months === 1 ? '' : 's'} old`, stale, title: stale ? `${title}: over a year old, check the current price` : title };
  const years = Math.floor(ageInDays / 365.25);
  return { text: `${years} years old`, stale, title: `${title}: over a year old, check the current price` };
}

/** The name a person recognises a row by. */
export function entryTitle(e: CatalogEntry): string {
  switch (e.kind) {
    case 'hardware':
      return e.row.name;
    case 'cloud-gpu-price':
      return `${e.row.hardwareId} at ${e.row.provider} (${e.row.pricingModel})`;
    case 'llm-api-price':
      return `${e.row.provider} ${e.row.model}`;
    case 'grid-intensity':
      return e.row.region;
  }
}

/** The one figure that matters most for each kind, with its unit. */
export function entryFigure(e: CatalogEntry): string {
  switch (e.kind) {
    case 'hardware':
      return `${e.row.memoryGb} GB, ${e.row.bf16Tflops ?? e.row.fp32Tflops ?? '–'} TFLOPS${e.row.tdpW ? `, ${e.row.tdpW} W` : ''}`;
    case 'cloud-gpu-price':
      return `$${e.row.usdPerGpuHour.toFixed(2)} per GPU-hour`;
    case 'llm-api-price':
      return `$${e.row.inputUsdPerMTok} in / $${e.row.outputUsdPerMTok} out per 1M tokens`;
    case 'grid-intensity':
      return `${Math.round(e.row.kgCo2PerKwh * 1000)} g CO2 per kWh`;
  }
}

export function hardwareChoices(entries: readonly CatalogEntry[]): Array<{ id: string; name: string; memoryGb: number }> {
  return entries.flatMap((e) => (e.kind === 'hardware' ? [{ id: e.row.id, name: e.row.name, memoryGb: e.row.memoryGb }] : []));
}

export function apiChoices(entries: readonly CatalogEntry[]): Array<{ id: string; name: string }> {
  return entries.flatMap((e) => (e.kind === 'llm-api-price' ? [{ id: e.row.id, name: `${e.row.provider} ${e.row.model}` }] : []));
}

/** Hardware ids that have an on-demand rental price, so a training estimate can cost them. */
export function rentableHardware(entries: readonly CatalogEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.kind === 'cloud-gpu-price' && e.row.pricingModel === 'on-demand' ? [e.row.hardwareId] : [])));
}

/** The providers with an on-demand price for each device, sorted, for "price it at one provider". */
export function providersByHardware(entries: readonly CatalogEntry[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const e of entries) if (e.kind === 'cloud-gpu-price' && e.row.pricingModel === 'on-demand') (out[e.row.hardwareId] ??= new Set()).add(e.row.provider);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/** A blank row of a kind, for "Add your own": text fields empty, as-of today. */
export function blankRow(kind: CatalogKind, today: string): Record<string, unknown> {
  const base = { id: '', source: '', asOf: today, confidence: 'uncertain', notes: '' };
  switch (kind) {
    case 'hardware':
      return { ...base, name: '', vendor: '', kind: 'datacenter-gpu', fp32Tflops: null, tf32Tflops: null, bf16Tflops: null, fp8Tflops: null, int8Tops: null, memoryGb: null, bandwidthGbs: null, tdpW: null };
    case 'cloud-gpu-price':
      return { ...base, hardwareId: '', provider: '', region: '', pricingModel: 'on-demand', usdPerGpuHour: null };
    case 'llm-api-price':
      return { ...base, provider: '', model: '', inputUsdPerMTok: null, outputUsdPerMTok: null, cachedInputUsdPerMTok: null };
    case 'grid-intensity':
      return { ...base, region: '', kgCo2PerKwh: null };
  }
}

/** The catalog.list input for a tab and its search: a blank search is no search. */
export function catalogListInput(kind: CatalogKind, search: string): { kind: CatalogKind; search?: string } {
  return { kind, ...(search.trim() ? { search: search.trim() } : {}) };
}
