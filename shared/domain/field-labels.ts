/**
 * Plain names for the contract's input fields, so a message a person reads names the thing they
 * typed ("Exchange rate: must be greater than 0"), never the internal path ("patch.usdRate: ...").
 * The path itself still travels in an error's `issues` and `location.field`, where forms use it to
 * put the message next to their own box and the CLI to name its flag. A field missing here is
 * split into words ("kvHeads" -> "Kv heads"), so a camelCase name never reaches the screen.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  // projects
  name: 'Name',
  notes: 'Notes',
  currency: 'Currency',
  budgetCents: 'Total budget',
  monthlyCapCents: 'Monthly cap',
  startDate: 'Start date',
  endDate: 'End date',
  usdRate: 'Exchange rate',
  usdRateAsOf: 'Exchange rate date',
  // ledger and negotiated rates
  date: 'Date',
  amountCents: 'Amount',
  category: 'Category',
  description: 'Description',
  fxRate: 'Exchange rate',
  hardwareId: 'Hardware',
  pricePerDeviceHour: 'Price per device-hour',
  asOf: 'As of',
  // ids and files
  id: 'Id',
  projectId: 'Project',
  scenarioId: 'Plan',
  runId: 'Run',
  datasetId: 'Data file',
  experimentId: 'Experiment',
  monitorId: 'Monitor',
  path: 'File',
  dir: 'Folder',
  folder: 'Folder',
  pageToken: 'Page',
  // estimates
  params: 'Model size (parameters)',
  tokens: 'Training data (tokens)',
  gpuHours: 'GPU-hours',
  hardware: 'Hardware',
  gpus: 'Number of GPUs',
  precision: 'Number format',
  mfu: "MFU (share of the GPU's peak speed actually used)",
  goodput: 'Share of GPU time that trains',
  pricePerGpuHourUsd: 'Price per GPU-hour',
  pricePerHourUsd: 'Price per device-hour',
  pricePerDeviceHourUsd: 'Price per device-hour',
  gpuPowerW: 'Power per GPU',
  powerW: 'Power per device',
  pue: 'PUE (data-centre overhead for cooling and power supply)',
  gridKgCo2PerKwh: 'CO2 per kWh of electricity',
  gridRegion: 'Grid region',
  electricityUsdPerKwh: 'Electricity price',
  purchaseUsd: 'Purchase price',
  lifeMonths: 'Write-off period',
  budgetUsd: 'Budget in US dollars',
  flops: 'Compute (FLOPs)',
  layers: 'Layers',
  hidden: 'Hidden size',
  heads: 'Attention heads',
  kvHeads: 'KV heads',
  seq: 'Sequence length',
  context: 'Context length',
  microBatch: 'Micro-batch size',
  // catalog columns (the CSV header names; the importer puts the name beside the label)
  vendor: 'Vendor',
  fp32Tflops: 'FP32 speed in TFLOPS',
  tf32Tflops: 'TF32 speed in TFLOPS',
  bf16Tflops: 'BF16 speed in TFLOPS',
  fp8Tflops: 'FP8 speed in TFLOPS',
  int8Tops: 'INT8 speed in TOPS',
  memoryGb: 'Memory in GB',
  bandwidthGbs: 'Memory bandwidth in GB/s',
  tdpW: 'Power draw in watts',
  hasBf16: 'BF16 support',
  interconnect: 'Link between devices',
  memoryType: 'Memory type',
  provider: 'Provider',
  region: 'Region',
  pricingModel: 'Pricing model',
  usdPerGpuHour: 'Price per GPU-hour',
  inputUsdPerMTok: 'Input price per million tokens',
  outputUsdPerMTok: 'Output price per million tokens',
  cachedInputUsdPerMTok: 'Cached input price per million tokens',
  kgCo2PerKwh: 'CO2 per kWh of electricity',
  source: 'Source',
  confidence: 'Confidence',
};

/** Words kept as people write them when a field name is split ("pricePerGpuHourUsd"). */
const WORDS: Readonly<Record<string, string>> = { usd: 'USD', gpu: 'GPU', gpus: 'GPUs', kv: 'KV', co2: 'CO2', kwh: 'kWh', url: 'URL', csv: 'CSV', json: 'JSON', html: 'HTML', id: 'id' };

/** Units the app converts itself (cents, micro-dollars): not words a person typed. */
const HIDDEN_UNITS = new Set(['cents', 'micros']);

const isIndex = (segment: string) => /^\d+$/.test(segment);

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "electricityUsdPerKwh" -> "Electricity USD per kWh". */
function splitWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d{2,})/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter((w) => w !== '' && !HIDDEN_UNITS.has(w))
    .map((w) => WORDS[w] ?? w);
  return capitalize(words.join(' ') || key);
}

/** The last named segment of a path: "patch.usdRate" -> "usdRate", "gates.2" -> "gates". */
export function fieldOfPath(path: string): string {
  const named = path.split('.').filter((s) => s !== '' && !isIndex(s));
  return named[named.length - 1] ?? '';
}

/** The plain name of a field path: "patch.usdRate" -> "Exchange rate"; "rows.2.price" -> "Price (item 3)". */
export function fieldLabel(path: string): string {
  const field = fieldOfPath(path);
  if (!field) return '';
  const label = FIELD_LABELS[field] ?? splitWords(field);
  const index = path.split('.').find(isIndex);
  return index === undefined ? label : `${label} (item ${Number(index) + 1})`;
}

/** The words a sentence would use for a label: "MFU (share of ...)" -> ["mfu"]. */
function subjectOf(label: string): string[] {
  return label.replace(/\s*\(.*$/, '').toLowerCase().split(/\s+/);
}

const ARTICLES = new Set(['the', 'a', 'an', 'this', 'that']);

/** "The exchange rate must ...", "A run id is ...": the sentence opens on the field itself. */
function opensOn(message: string, label: string): boolean {
  const words = message.toLowerCase().split(/\s+/);
  const subject = subjectOf(label);
  const at = (i: number) => subject.every((w, k) => words[i + k] === w);
  // After an article one more word may come first ("a run id"); without one the subject leads.
  return at(0) || (ARTICLES.has(words[0] ?? '') && (at(1) || at(2)));
}

/**
 * One sentence for a problem with a field: its plain name, then what is wrong ("Exchange rate:
 * must be greater than 0"). A message that repeats the internal name ("params must be ...") loses
 * it; one whose first words already name the field ("The monthly cap cannot exceed ...") is
 * kept as it is. Without a path the message stands alone.
 */
export function plainIssue(path: string, message: string, label: string = fieldLabel(path)): string {
  const field = fieldOfPath(path);
  if (!field || !label) return capitalize(message);
  const rest = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  return opensOn(rest, label) ? capitalize(rest) : `${label}: ${rest}`;
}
