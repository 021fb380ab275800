/** Unit-carrying number types. They are plain numbers at run time; the brand documents the unit. */
export type Flops = number & { readonly __unit: 'FLOP' };
export type Usd = number & { readonly __unit: 'USD' };
export type Kwh = number & { readonly __unit: 'kWh' };
export type KgCo2 = number & { readonly __unit: 'kgCO2e' };
export type Hours = number & { readonly __unit: 'h' };
export type Gigabytes = number & { readonly __unit: 'GB (1e9 bytes)' };

export const GB = 1e9;
