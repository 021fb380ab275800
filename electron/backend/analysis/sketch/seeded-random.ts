/**
 * Small deterministic PRNG (xorshift128+ reduced to 32-bit lanes) so samples, and therefore every
 * reported figure, are reproducible run to run for the same file.
 */
export class SeededRandom {
  private a: number;
  private b: number;

  constructor(seed: number) {
    this.a = (seed ^ 0x9e3779b9) >>> 0 || 1;
    this.b = (Math.imul(seed, 0x85ebca6b) ^ 0x6a09e667) >>> 0 || 2;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let s1 = this.a;
    const s0 = this.b;
    this.a = s0;
    s1 ^= s1 << 23;
    s1 ^= s1 >>> 17;
    s1 ^= s0;
    s1 ^= s0 >>> 26;
    this.b = s1 >>> 0;
    return ((this.a + this.b) >>> 0) / 4294967296;
  }

  /** Uniform in (0, 1): safe under Math.log. */
  nextOpen(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }
}
