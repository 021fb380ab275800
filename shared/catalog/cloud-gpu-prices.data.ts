import type { CloudGpuPriceRow, PricingModel } from './catalog-types';

/**
 * On-demand (and committed) cloud GPU prices, USD per GPU-hour = instance price / GPU count
 * (estimator-reference.md §5.1). Prices age fast: every row carries its as-of date and source.
 * AWS cut P4/P5 prices in June 2025 ("up to 45%"); the AWS rows below predate that cut.
 */
const EPOCH = 'Epoch "Hardware prices.csv" (archive.org copy of the vendor pricing page)';
const SKYPILOT = 'SkyPilot catalog v7 snapshot';

function row(hardwareId: string, provider: string, region: string, pricingModel: PricingModel, usdPerGpuHour: number, asOf: string, source: string, extra: Partial<CloudGpuPriceRow> = {}): CloudGpuPriceRow {
  const id = `${hardwareId}@${provider.toLowerCase()}${pricingModel === 'on-demand' ? '' : `:${pricingModel}`}`;
  return { id, hardwareId, provider, region, pricingModel, usdPerGpuHour, asOf, source, confidence: 'secondary', ...extra };
}

export const DEFAULT_CLOUD_GPU_PRICES: readonly CloudGpuPriceRow[] = [
  row('h100-sxm', 'AWS', 'us-east-1', 'on-demand', 12.29, '2025-03-17', `${EPOCH}; ${SKYPILOT} (p5.48xlarge $98.32/h / 8)`, { notes: 'Before the June 2025 AWS price cut.' }),
  row('h200', 'AWS', 'us-east-1', 'on-demand', 10.6, '2025-03-17', `${EPOCH}; ${SKYPILOT} (p5en.48xlarge $84.80/h / 8)`, { notes: 'Before the June 2025 AWS price cut.' }),
  row('a100-40gb', 'AWS', 'us-east-1', 'on-demand', 4.1, '2025-03-02', `${EPOCH}; ${SKYPILOT} (p4d.24xlarge $32.77/h / 8)`),
  row('a100-40gb', 'AWS', 'us-east-1', 'commit-1y', 2.4, '2025-03-02', EPOCH),
  row('a100-40gb', 'AWS', 'us-east-1', 'commit-3y', 1.45, '2025-03-02', EPOCH),
  row('a100-80gb', 'AWS', 'us-east-1', 'on-demand', 5.12, '2025-03-02', `${EPOCH}; ${SKYPILOT} (p4de.24xlarge $40.97/h / 8)`),
  row('a100-80gb', 'AWS', 'us-east-1', 'commit-1y', 3.0, '2025-03-02', EPOCH),
  row('a100-80gb', 'AWS', 'us-east-1', 'commit-3y', 1.81, '2025-03-02', EPOCH),
  row('a10g', 'AWS', 'us-east-1', 'on-demand', 1.212, '2025-03', `${SKYPILOT} (g5.2xlarge, 1 GPU, whole instance)`, { confidence: 'uncertain', notes: 'Snapshot undated; its AWS values match Epoch 2025-03 rows. Includes the instance CPU and RAM.' }),
  row('h100-sxm', 'GCP', 'us-central1', 'on-demand', 11.06, '2025-03-17', `${EPOCH} (A3)`),
  row('h100-sxm', 'GCP', 'us-central1', 'commit-1y', 7.67, '2025-03-17', EPOCH),
  row('h100-sxm', 'GCP', 'us-central1', 'commit-3y', 4.86, '2025-03-17', EPOCH),
  row('v100', 'GCP', 'us-central1', 'on-demand', 2.48, '2025-03-03', EPOCH),
  row('v100', 'GCP', 'us-central1', 'commit-1y', 1.56, '2025-03-03', EPOCH),
  row('v100', 'GCP', 'us-central1', 'commit-3y', 1.12, '2025-03-03', EPOCH),
  row('tpu-v5e', 'GCP', 'us-central1', 'on-demand', 1.2, '2025-03-03', `${EPOCH} (per chip-hour)`),
  row('tpu-v5e', 'GCP', 'us-central1', 'commit-1y', 0.84, '2025-03-03', EPOCH),
  row('tpu-v5e', 'GCP', 'us-central1', 'commit-3y', 0.54, '2025-03-03', EPOCH),
  row('a100-80gb', 'Azure', 'eastus', 'on-demand', 3.67, '2025-03-02', EPOCH),
  row('a100-80gb', 'Azure', 'eastus', 'commit-1y', 3.06, '2025-03-02', EPOCH),
  row('a100-80gb', 'Azure', 'eastus', 'commit-3y', 2.27, '2025-03-02', EPOCH),
  row('v100', 'Azure', 'eastus', 'on-demand', 3.06, '2025-03-03', EPOCH),
  row('h100-sxm', 'Oracle', 'us', 'on-demand', 10.0, '2025-03-17', EPOCH),
  row('h100-sxm', 'Lambda', 'us', 'on-demand', 3.29, '2025-02-28', EPOCH),
  row('h100-pcie', 'Lambda', 'us', 'on-demand', 2.49, '2025-02-28', EPOCH),
  row('a100-40gb', 'Lambda', 'us', 'on-demand', 1.29, '2025-02-28', `${EPOCH}; ${SKYPILOT} (8x $10.32/h)`),
  row('h100-sxm', 'RunPod', 'secure cloud', 'on-demand', 2.99, '2025-03-03', EPOCH),
  row('h100-pcie', 'RunPod', 'secure cloud', 'on-demand', 2.39, '2025-03-03', EPOCH),
  row('a100-80gb', 'RunPod', 'secure cloud', 'on-demand', 1.89, '2025-03-03', `${EPOCH}; ${SKYPILOT}`),
  row('a100-pcie-80gb', 'RunPod', 'secure cloud', 'on-demand', 1.64, '2025-03-03', `${EPOCH}; ${SKYPILOT}`),
  row('l40s', 'RunPod', 'secure cloud', 'on-demand', 0.86, '2025-03-03', EPOCH),
  row('l4', 'RunPod', 'secure cloud', 'on-demand', 0.43, '2025-03-03', EPOCH),
  row('rtx-4090', 'RunPod', 'community', 'on-demand', 0.69, '2025-03-03', EPOCH),
  row('rtx-3090', 'RunPod', 'community', 'on-demand', 0.43, '2025-03-03', EPOCH),
  row('rtx-4090', 'Vast.ai', 'marketplace', 'marketplace', 0.35, '2025-03-03', `${EPOCH} (marketplace low)`),
  row('rtx-3090', 'Vast.ai', 'marketplace', 'marketplace', 0.18, '2025-03-03', `${EPOCH} (marketplace low)`),
  row('t4', 'GCP', 'us-central1', 'on-demand', 0.82, '2022-08', 'Epoch citing the-full-stack cloud-gpus.csv', { notes: 'Old price (2022).' }),
  row('t4', 'Azure', 'eastus', 'on-demand', 0.75, '2022-08', 'Epoch citing the-full-stack cloud-gpus.csv', { notes: 'Old price (2022).' }),
  row('t4', 'AWS', 'us-east-1', 'on-demand', 0.526, '2022-08', 'AWS g4dn.xlarge list price (whole instance)', { confidence: 'memory', notes: 'Recalled, not re-checked.' }),
];
