import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const TALLY = join(ROOT, 'bin/tally.js');

/** Hostile inputs that once ended in "failed unexpectedly, please report" (exit 1) or a hang. */
describe('tally check: every unusable input is exit 2 with its cause', () => {
  let t: ReturnType<typeof tempDir>;
  beforeAll(() => {
    expect(spawnSync(process.execPath, [TALLY, '--version'], { cwd: ROOT }).status).toBe(0);
  });
  afterEach(() => t?.cleanup());

  const check = (file: string, ...flags: string[]) => runCli(['check', file, ...flags], { cwd: t.dir });

  it('a folder, a named pipe and a device are refused before anything opens them', async () => {
    t = tempDir();
    mkdirSync(join(t.dir, 'folder.csv'));
    execFileSync('mkfifo', [join(t.dir, 'pipe.csv')]);
    for (const [file, says] of [
      [join(t.dir, 'folder.csv'), /folder\.csv is a folder; choose a data file inside it\./],
      [join(t.dir, 'pipe.csv'), /pipe\.csv is a named pipe \(FIFO\); Tally reads regular data files only\./],
      ['/dev/zero', /\/dev\/zero is a device; Tally reads regular data files only\./],
    ] as const) {
      const r = await check(file);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(says);
    }
  });

  it('JSON nested 200,000 levels deep is read (the deep value becomes one token), not a crash', async () => {
    t = tempDir();
    const file = join(t.dir, 'deep.jsonl');
    writeFileSync(file, `{"id": 1, "a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}\n{"id": 2, "a": [1]}\n`);
    const r = await check(file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; columns: Array<{ name: string }> };
    expect(out.rows).toBe(2);
  });

  it('UTF-32 is refused by name; Shift_JIS is read as Japanese text; a CSV that starts with PAR1 is a CSV', async () => {
    t = tempDir();
    const u32 = join(t.dir, 'u32.csv');
    writeFileSync(u32, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...'a,b\n1,2\n'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]));
    const r32 = await check(u32);
    expect(r32.code).toBe(2);
    expect(r32.stderr).toMatch(/this is UTF-32 text, which Tally does not read; save it as UTF-8/);

    const sjis = join(t.dir, 'sjis.csv');
    writeFileSync(sjis, new Uint8Array(new TextEncoderShiftJis().encode('名前,年齢,都市\n太郎,20,東京\n花子,30,大阪\nさくら,25,京都\n')));
    const rs = await check(sjis, '--json');
    expect(rs.code).toBe(0);
    expect((JSON.parse(rs.stdout) as { columns: Array<{ name: string }> }).columns.map((c) => c.name)).toEqual(['名前', '年齢', '都市']);

    const par1 = join(t.dir, 'par1.csv');
    writeFileSync(par1, 'PAR1,b\n1,2\n3,4\n');
    const rp = await check(par1, '--json');
    expect(rp.code).toBe(0);
    expect((JSON.parse(rp.stdout) as { rows: number }).rows).toBe(2);
  });

  it('--population naming a missing column, or shares adding up to 0 or 1.8, is refused with its reason', async () => {
    t = tempDir();
    const file = join(t.dir, 'people.csv');
    writeFileSync(file, 'region,age\nnorth,30\nsouth,40\nnorth,50\n');
    const cases = [
      [{ county: { a: 0.5, b: 0.5 } }, /The population shares name the column "county", which people\.csv does not have; its columns are "region", "age"\./],
      [{ region: { north: 0, south: 0 } }, /region: The shares of "region" are all 0/],
      [{ region: { north: 0.9, south: 0.9 } }, /region: The shares of "region" add up to 1\.8; they must add up to at most 1/],
    ] as const;
    for (const [shares, says] of cases) {
      const pop = join(t.dir, 'pop.json');
      writeFileSync(pop, JSON.stringify(shares));
      const r = await check(file, '--population', pop);
      expect(r.code, JSON.stringify(shares)).toBe(2);
      expect(r.stderr).toMatch(says);
    }
  });

  it('names with ESC, CR and LF reach the terminal escaped, and a long name is cut', () => {
    t = tempDir();
    const file = join(t.dir, 'names.csv');
    const evil = 'x\u001b[31mRED\rfake\nline';
    writeFileSync(file, `"${evil}","${'n'.repeat(5000)}"\n1,7\n1,7\n1,7\n`);
    const r = spawnSync(process.execPath, [TALLY, 'check', file], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.includes('\u001b') || r.stdout.includes('\r')).toBe(false);
    expect(r.stdout).toContain('x\\u001b[31mRED\\u000dfake\\u000aline');
    expect(r.stdout).toContain(`"${'n'.repeat(79)}…"`);
    expect(r.stdout).not.toContain('n'.repeat(100));
  });

  it('a closed pipe ends quietly: no stack trace when the reader stops early', () => {
    t = tempDir();
    const file = join(t.dir, 'wide.csv');
    writeFileSync(file, `${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 300 }, () => 1).join(',')}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${TALLY}" check "${file}" --json | head -c 10`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.length).toBe(10);
    expect(r.stderr).not.toMatch(/Error|at /);
  });
});

/** Shift_JIS bytes for the test (Node has a decoder but no encoder): from a small table of the characters used. */
class TextEncoderShiftJis {
  private static readonly TABLE: Record<string, number[]> = {
    名: [0x96, 0xbc], 前: [0x91, 0x4f], 年: [0x94, 0x4e], 齢: [0x97, 0xee], 都: [0x93, 0x73], 市: [0x8e, 0x73],
    太: [0x91, 0xbe], 郎: [0x98, 0x59], 東: [0x93, 0x8c], 京: [0x8b, 0x9e], 花: [0x89, 0xd4], 子: [0x8e, 0x71],
    大: [0x91, 0xe5], 阪: [0x8d, 0xe3], さ: [0x82, 0xb3], く: [0x82, 0xad], ら: [0x82, 0xe7],
  };
  encode(s: string): number[] {
    return [...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : TextEncoderShiftJis.TABLE[c] ?? (() => { throw new Error(`no Shift_JIS bytes for ${c}`); })()));
  }
}
