/**
 * Plain names of the assumption and sensitivity keys the estimator writes, for every place a
 * person reads them (result pages, CLI reports). Abbreviations such as MFU or PUE stay out of
 * these names: they belong to the sources and the glossary. A key without a name here is split
 * into words ("zeroStage" -> "zero stage"), so an internal field name never reaches the screen.
 */
export const ASSUMPTION_WORDS: Readonly<Record<string, string>> = {
  activations: 'activations counted',
  adapterParams: 'adapter parameters',
  apiFirstTokenMs: 'AI service wait before answering',
  apiOutputTokensPerS: 'AI service writing speed',
  apiPrice: 'AI service price',
  bandwidthEfficiency: 'memory speed achieved',
  bandwidthGbs: 'memory speed of the chip',
  baseBytesPerParam: 'bytes per frozen weight',
  batch: 'requests served together',
  bytesPerParam: 'bytes per parameter',
  bytesPerWeight: 'bytes per weight',
  cloudBandwidthEfficiency: 'memory speed achieved, rented GPU',
  cloudStepOverheadMs: 'fixed time per word, rented GPU',
  cloudUsdPerGpuHour: 'cloud GPU price',
  computeEfficiency: 'share of peak speed reading the prompt',
  concurrency: 'requests served together',
  context: 'context length',
  electricityUsdPerKwh: 'electricity price',
  firstTokenOverheadMs: 'fixed wait before the first word',
  fit: 'scaling rule',
  flopsPerToken: 'computing per token of data',
  goodput: 'share of GPU time that trains',
  gpuHours: 'GPU-hours',
  gpuPowerW: 'power per GPU',
  gpus: 'number of GPUs',
  grid: 'CO2 per kWh of electricity',
  gridKgCo2PerKwh: 'CO2 per kWh of electricity',
  hardware: 'hardware',
  idlePowerFraction: 'power drawn while idle',
  kvBytesPerElement: 'bytes per attention-cache value',
  kvPrecision: 'number format of the attention cache',
  lifeMonths: 'purchase written off over',
  mfu: 'share of peak speed achieved',
  overheadFraction: 'runtime overhead',
  ownedBandwidthEfficiency: 'memory speed achieved, your device',
  ownedPowerW: 'power of your device',
  ownedStepOverheadMs: 'fixed time per word, your device',
  peakRatio: 'speed of the new hardware against the trial’s',
  peakTflops: 'peak speed of the chip',
  peakToAverage: 'busiest hour against the average',
  perStepOverheadMs: 'fixed time per word written',
  pilotRate: 'speed measured in the trial',
  powerW: 'power per device',
  precision: 'number format',
  price: 'price per device-hour',
  pricePerDeviceHourUsd: 'price per device-hour',
  pricePerGpuHourUsd: 'price per GPU-hour',
  pricePerHourUsd: 'price per device-hour',
  pue: 'data-centre overhead (cooling, power supply)',
  purchaseUsd: 'purchase price of one device',
  scalingEfficiency: 'efficiency of adding devices',
  serving: 'serving software',
  transfer: 'how well the trial’s speed carries over',
  writeOffMonths: 'purchase written off over',
  zeroStage: 'memory sharding stage',
};

/** The plain name of a key; unknown keys are split into lower-case words. */
export function assumptionName(key: string): string {
  return ASSUMPTION_WORDS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
