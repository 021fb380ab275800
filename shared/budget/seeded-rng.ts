/**
 * A small seeded pseudo-random generator so every Monte Carlo result is reproducible: the same
 * seed gives the same P10/P50/P90 on every machine. mulberry32 (Tommy Ettinger, public domain)
 * passes the usual quick statistical batteries and is plenty for a few thousand draws; it is not
 * for cryptography. Normals come from Box-Muller, using both values of each pair.
 */
export interface SeededRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /**
   * out[0..count) = the next `count` uniforms, the same values as `count` calls of next(), in one
   * loop that keeps the state in a register (a call of next() costs several times its arithmetic).
   */
  fill(out: Float64Array, count: number): void;
}

export function createSeededRng(seed: number): SeededRng {
  let state = seed >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // 1 - next() is in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const fill = (out: Float64Array, count: number): void => {
    let st = state;
    for (let k = 0; k < count; k++) {
      st = (st + 0x6d2b79f5) >>> 0;
      let t = st;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    state = st;
  };
  return { next, normal, fill };
}
