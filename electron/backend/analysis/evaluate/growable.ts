/**
 * Typed columns that grow while a file streams in. The first capacity comes from the engine's
 * row estimate (file size / bytes per row of the head), so a file of the expected shape never
 * reallocates; a longer one grows by half each time. `trimmed()` returns a view of the filled part
 * (no copy).
 */

const MIN_CAPACITY = 1024;

export class GrowableFloat64 {
  data: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(MIN_CAPACITY, Math.ceil(capacity)));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  /** Room for `extra` more values (for row-major matrices written by index). */
  reserve(total: number): void {
    while (this.data.length < total) this.grow();
  }

  private grow(): void {
    const bigger = new Float64Array(Math.ceil(this.data.length * 1.5));
    bigger.set(this.data);
    this.data = bigger;
  }

  trimmed(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableInt32 {
  data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(MIN_CAPACITY, Math.ceil(capacity)));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  private grow(): void {
    const bigger = new Int32Array(Math.ceil(this.data.length * 1.5));
    bigger.set(this.data);
    this.data = bigger;
  }

  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableUint8 {
  data: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Uint8Array(Math.max(MIN_CAPACITY, Math.ceil(capacity)));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  private grow(): void {
    const bigger = new Uint8Array(Math.ceil(this.data.length * 1.5));
    bigger.set(this.data);
    this.data = bigger;
  }

  trimmed(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}
