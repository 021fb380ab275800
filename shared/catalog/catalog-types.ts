import type { HardwareSpec } from '../domain/hardware';

/**
 * How far a catalog figure can be trusted, following the tags of estimator-reference.md:
 * verified = read in the primary source [V]; secondary = a secondary copy [S]; derived = computed
 * from other figures [D]; memory = recalled, not re-checked [M]; uncertain = the sources disagree or
 * the vendor publishes nothing. The UI shows the tag next to the number.
 */
export const CONFIDENCE_LEVELS = ['verified', 'secondary', 'derived', 'memory', 'uncertain'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Every catalog row says where it came from and when, so the UI can show how old a price is. */
export interface Provenance {
  source: string;
  /** ISO date, `yyyy-mm` or `yyyy-mm-dd`. */
  asOf: string;
  confidence: Confidence;
  notes?: string;
}

export type HardwareRow = HardwareSpec & Provenance;

export const PRICING_MODELS = ['on-demand', 'spot', 'commit-1y', 'commit-3y', 'marketplace'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** Rental price of one accelerator (instance price divided by its GPU count). */
export interface CloudGpuPriceRow extends Provenance {
  id: string;
  hardwareId: string;
  provider: string;
  region: string;
  pricingModel: PricingModel;
  usdPerGpuHour: number;
}

/** List price of a hosted LLM API, USD per 1M tokens. */
export interface LlmApiPriceRow extends Provenance {
  id: string;
  provider: string;
  model: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
}

/** Grid carbon intensity, kg CO2e per kWh (the reference lists g/kWh; 1 kg = 1000 g). */
export interface GridIntensityRow extends Provenance {
  id: string;
  region: string;
  kgCo2PerKwh: number;
}

export const CATALOG_KINDS = ['hardware', 'cloud-gpu-price', 'llm-api-price', 'grid-intensity'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export interface CatalogRowByKind {
  hardware: HardwareRow;
  'cloud-gpu-price': CloudGpuPriceRow;
  'llm-api-price': LlmApiPriceRow;
  'grid-intensity': GridIntensityRow;
}

export interface Catalog {
  hardware: HardwareRow[];
  cloudGpuPrices: CloudGpuPriceRow[];
  llmApiPrices: LlmApiPriceRow[];
  gridIntensities: GridIntensityRow[];
}
