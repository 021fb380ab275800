import type { Confidence, GridIntensityRow } from './catalog-types';

/**
 * Grid carbon intensity defaults, kg CO2e/kWh (estimator-reference.md §5.3 lists g/kWh).
 * For an annual average `asOf` is the last month of its data year.
 */
function grid(id: string, region: string, gPerKwh: number, asOf: string, source: string, confidence: Confidence = 'secondary', notes?: string): GridIntensityRow {
  const out: GridIntensityRow = { id, region, kgCo2PerKwh: gPerKwh / 1000, asOf, source, confidence };
  if (notes) out.notes = notes;
  return out;
}

const CC = 'CodeCarbon global_energy_mix.json (OWID data)';

export const DEFAULT_GRID_INTENSITIES: readonly GridIntensityRow[] = [
  grid('world', 'World average (fallback)', 475, '2019-12', 'CodeCarbon default (IEA 2019)'),
  grid('us', 'United States', 369.5, '2023-12', CC),
  grid('us-llama', 'United States (LLaMA-1 paper)', 385, '2023-02', 'Touvron et al. 2023 (LLaMA) §6, following Wu et al. 2022', 'verified'),
  grid('us-strubell', 'United States (EPA 2018, Strubell et al.)', 432.7, '2018-12', 'Strubell et al. 2019: 0.954 lb/kWh', 'memory'),
  grid('fr', 'France', 56.0, '2023-12', CC),
  grid('de', 'Germany', 381.0, '2023-12', CC),
  grid('gb', 'United Kingdom', 237.6, '2023-12', CC),
  grid('cn', 'China', 582.3, '2023-12', CC),
  grid('in', 'India', 713.4, '2023-12', CC),
  grid('ca', 'Canada', 170.0, '2023-12', CC),
  grid('se', 'Sweden', 40.7, '2023-12', CC),
  grid('no', 'Norway', 30.1, '2023-12', CC),
  grid('br', 'Brazil', 98.3, '2023-12', CC),
  grid('pl', 'Poland', 661.9, '2023-12', CC),
  grid('jp', 'Japan', 485.4, '2023-12', CC),
  grid('au', 'Australia', 548.7, '2023-12', CC),
  grid('gcp-us-central1', 'GCP us-central1', 430, '2021-12', 'CodeCarbon impact.csv (Google region data)', 'uncertain', 'Data year not stated in the copy.'),
  grid('gcp-us-east4', 'GCP us-east4', 322, '2021-12', 'CodeCarbon impact.csv (Google region data)', 'uncertain', 'Data year not stated in the copy.'),
  grid('gcp-us-west1', 'GCP us-west1', 94, '2021-12', 'CodeCarbon impact.csv (Google region data)', 'uncertain', 'Data year not stated in the copy.'),
  grid('gcp-europe-west4', 'GCP europe-west4', 236, '2021-12', 'CodeCarbon impact.csv (Google region data)', 'uncertain', 'Data year not stated in the copy.'),
  grid('gcp-europe-north1', 'GCP europe-north1', 46, '2021-12', 'CodeCarbon impact.csv (Google region data)', 'uncertain', 'Data year not stated in the copy.'),
  grid('aws-us-east-1', 'AWS us-east-1', 367.8, '2019-12', 'mlco2 impact.csv (old eGRID)', 'uncertain', 'Old eGRID figure.'),
  grid('azure-eastus', 'Azure eastus', 367.8, '2019-12', 'mlco2 impact.csv (old eGRID)', 'uncertain', 'Old eGRID figure.'),
];
