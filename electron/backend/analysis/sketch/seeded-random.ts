/**
 * Small deterministic PRNG so samples, and therefore every reported figure, are reproducible run
 * to run for the same file. xoshiro128** (Blackman and Vigna, public domain): four 32-bit lanes,
 * period 2^128 - 1, seeded through splitmix32 so nearby seeds give unrelated streams.
 * (An earlier 32-bit squeeze of xorshift128+ repeated after about 8,000 draws, which made the
 * reservoir keep mostly a file's first rows.)
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = splitmix();
    this.s1 = splitmix();
    this.s2 = splitmix();
    this.s3 = splitmix();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** An independent generator in the same state. */
  copy(): SeededRandom {
    return Object.assign(Object.create(SeededRandom.prototype) as SeededRandom, this);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.nextInto(scratch, 0, false);
    return scratch[0]!;
  }

  /** Uniform in (0, 1): safe under Math.log. */
  nextOpen(): number {
    this.nextInto(scratch, 0, true);
    return scratch[0]!;
  }

  /**
   * next() (or nextOpen() when `open`) written to out[at]: on hot paths the double then crosses
   * no call boundary, where V8 boxes it on the heap (the reservoirs' replacement steps drew
   * millions of boxed numbers a pass, the largest source of garbage in a profile).
   */
  nextInto(out: Float64Array, at: number, open: boolean): void {
    for (;;) {
      const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
      const t = this.s1 << 9;
      this.s2 ^= this.s0;
      this.s3 ^= this.s1;
      this.s1 ^= this.s2;
      this.s0 ^= this.s3;
      this.s2 ^= t;
      this.s3 = rotl(this.s3, 11);
      if (open && result === 0) continue;
      out[at] = result / 4294967296;
      return;
    }
  }
}

const scratch = new Float64Array(1);

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
