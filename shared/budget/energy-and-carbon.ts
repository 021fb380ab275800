/**
 * Energy and CO2 of compute, the LLaMA-1 §6 method (following Wu et al. 2022):
 * Wh = GPU-hours × GPU power × PUE; tCO2e = MWh × grid intensity.
 */
export function energyKwh(gpuHours: number, gpuPowerW: number, pue: number): number {
  return (gpuHours * gpuPowerW * pue) / 1000;
}

export function co2Kg(kwh: number, kgCo2PerKwh: number): number {
  return kwh * kgCo2PerKwh;
}
