/**
 * The byte parser against Python itself: Debian's python3 prints repr() of seeded random doubles
 * (scores in [0, 1) as numpy and model output give them, small probabilities in exponent form,
 * doubles from random bits) next to each one's IEEE bits, as pandas' to_csv would write the
 * numbers; every text must parse to exactly those bits, through the long-decimal lane or not.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseNumberBytes } from '../../electron/backend/analysis/parse/number-bytes';

const SCRIPT = `
import random, struct, sys
rng = random.Random(2026)
out = []
for i in range(int(sys.argv[1])):
    k = i % 4
    if k == 0: x = rng.random()
    elif k == 1: x = rng.random() ** 6
    elif k == 2: x = rng.lognormvariate(0, 8)
    else:
        while True:
            x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
            if x == x and abs(x) != float('inf'): break
    out.append(repr(x) + ' ' + format(struct.unpack('<Q', struct.pack('<d', x))[0], '016x'))
sys.stdout.write('\\n'.join(out))
`;

describe('numbers as Python prints them', () => {
  it('parse to the bits Python holds, for 400,000 doubles', () => {
    const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT, '400000'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(400_000);
    const encoder = new TextEncoder();
    const f64 = new Float64Array(1);
    const u64 = new BigUint64Array(f64.buffer);
    const wrong: string[] = [];
    let long = 0;
    for (const line of lines) {
      const [text, hex] = line.split(' ') as [string, string];
      const b = encoder.encode(text);
      f64[0] = parseNumberBytes(b, 0, b.length);
      if (u64[0] !== BigInt(`0x${hex}`) && wrong.length < 5) wrong.push(line);
      if (text.replace(/^-?0*\.?0*/, '').replace(/e.*$/, '').replace('.', '').length > 15) long++;
    }
    expect(wrong).toEqual([]);
    // Most of them have the 16-17 digits the long-decimal lane is for.
    expect(long).toBeGreaterThan(300_000);
  }, 60_000);
});
