import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeRequest } from '../../electron/backend/analysis/analyze-request';
import { sampleHead } from '../../electron/backend/analysis/evaluate/head-sample';
import { detectFormat } from '../../electron/backend/analysis/read/format-detector';
import { datasetProfile, piiColumns } from '../../electron/backend/services/check-profile';
import { sniffDataset } from '../../electron/backend/services/dataset-sniff';
import { DatasetProfile } from '../../shared/contract/datasets';
import { Finding } from '../../shared/contract/checks';
import { tempDir } from '../support/temp';
import { applyPlan, seedFiles, type FuzzPlan } from './support/byte-mutation';

/**
 * Cases the input fuzz suite (input-fuzz.test.ts) found, each kept as its own test with the bytes
 * that showed the defect, run through the engine in-process as the worker runs them.
 */
describe('input fuzz regressions', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  async function analyse(name: string, bytes: string | Uint8Array, reference?: { name: string; bytes: string | Uint8Array }) {
    t = tempDir();
    const file = join(t.dir, name);
    writeFileSync(file, bytes);
    let ref: string | undefined;
    if (reference) {
      ref = join(t.dir, reference.name);
      writeFileSync(ref, reference.bytes);
    }
    const result = await analyzeRequest({ file, ...(ref ? { reference: ref } : {}), threads: 1 }, () => undefined);
    const profile = datasetProfile(result.current, result.checkInput.columns, piiColumns(result.report.findings));
    expect(DatasetProfile.safeParse(profile).error?.issues ?? []).toEqual([]);
    for (const f of result.report.findings) expect(Finding.safeParse(f).error?.issues ?? [], f.id).toEqual([]);
    return { result, profile };
  }

  it('jsonl seed 20261205 case 127: values near the largest double keep a finite mean, std and skewness (was mean -Infinity)', async () => {
    const { profile } = await analyse('case127.jsonl', '\n{"a": 1e308, "b": "2024-01-01T00:00:00Z"}\r\n{"a": -1e-308, "b": ""}\r\n\r\n{"a": 12345678901234567890, "b": "x"}\r\n');
    const a = profile.columns.find((c) => c.name === 'a')!.numeric!;
    // Exact values from Python's fractions; quantiles as pandas 1.5 reports them (pandas' own
    // std and skew of this column are inf and NaN).
    expect(a.mean / 3.333333333333333e307).toBeCloseTo(1, 12);
    expect(a.std / 5.773502691896257e307).toBeCloseTo(1, 12);
    expect(a.skewness).toBeCloseTo(1.732050807568877, 10);
    expect([a.quantiles.p1, a.quantiles.p25, a.quantiles.p50, a.quantiles.p75, a.quantiles.p99]).toEqual([2.4691357802469136e17, 6.172839450617284e18, 1.2345678901234567e19, 5e307, 9.8e307]);
  });

  it('a column spanning -1.7e308 to 1.7e308: mean, std, quantiles and histogram stay finite and count every value', async () => {
    const { profile } = await analyse('span.csv', 'x\n-1.7e308\n0\n1.7e308\n1.7e308\n');
    const x = profile.columns[0]!.numeric!;
    expect(x.quantiles.p50).toBe(8.5e307);
    expect(x.histogram.edges.every(Number.isFinite)).toBe(true);
    expect(x.histogram.counts.reduce((s, c) => s + c, 0)).toBe(4);
    expect(x.histogram.counts[0]).toBe(1);
    expect(x.histogram.counts.at(-1)).toBe(2);
    // Python's fractions: mean 4.25e307, sample std 1.6276260831857745e308 (the spread itself
    // is beyond a double; pandas reports inf).
    expect(x.mean).toBe(4.25e307);
    expect(x.std / 1.6276260831857745e308).toBeCloseTo(1, 12);
  });

  it('parquet fuzz case: a data page (v2) header without its level lengths is refused, not read for ever', async () => {
    const plan: FuzzPlan = {
      seedIndex: 0,
      mutations: [
        { op: 'delete', at: 7.957868539097972e-143, length: 49 },
        { op: 'delete', at: 4.6780609348514564e-83, length: 25 },
        { op: 'flip', at: 1.3886235146999308e-11, bit: 4 },
        { op: 'set', at: 9.326359081122876e-247, byte: 15 },
        { op: 'delete', at: 5.555495925981793e-73, length: 22 },
        { op: 'splice', at: 1.9529960532704072e-72, from: 2.4882172533183143e-9, length: 442, other: 348860926 },
        { op: 'duplicate', at: 1.844866176099352e-58, length: 217, times: 10 },
        { op: 'splice', at: 5.714755921727121e-293, from: 2.14454683441358e-231, length: 366, other: 1873984305 },
      ],
    };
    await expect(analyse('case1517.parquet', applyPlan(plan, seedFiles('parquet')))).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: 'case1517.parquet: column "big" in row group 1 is damaged: a data page (v2) header is incomplete.',
    });
  });

  it('parquet seed 1 case 2494: one byte of the footer changed gives a column no position; refused, not an unhandled rejection that ends the worker', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const plan: FuzzPlan = { seedIndex: 1, mutations: [{ op: 'set', at: 0.811492919921875, byte: 197 }] };
      await expect(analyse('case2494.parquet', applyPlan(plan, seedFiles('parquet')))).rejects.toMatchObject({
        code: 'PARSE_ERROR',
        message: 'case2494.parquet: the Parquet footer is damaged: column "a" of row group 1 has no valid position in the file.',
      });
      // An unhandled rejection is reported on a later turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('parquet seed 20261205 case 19406: one byte of the footer makes a column name a number; refused as a damaged footer, not an unexpected failure', async () => {
    const plan: FuzzPlan = { seedIndex: 1, mutations: [{ op: 'set', at: 0.728271484375, byte: 1 }] };
    await expect(analyse('case19406.parquet', applyPlan(plan, seedFiles('parquet')))).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: 'case19406.parquet: the Parquet footer is damaged: schema element 3 has no valid name.',
    });
  });

  it('parquet seed 20261205 case 23283: values near 1e252 put the log-scale upper fence past the largest double; the outliers finding names only its lower fence and stays valid JSON', async () => {
    const plan: FuzzPlan = { seedIndex: 1, mutations: [{ op: 'splice', at: 0.24951171875, from: 0.6889495849609375, length: 65, other: 772136713 }] };
    const { result } = await analyse('case23283.parquet', applyPlan(plan, seedFiles('parquet')));
    const outliers = result.report.findings.filter((f) => f.id === 'outliers');
    expect(outliers.length).toBeGreaterThan(0);
    for (const f of outliers) {
      expect(JSON.parse(JSON.stringify(f.details))).toEqual(f.details);
      expect(f.message).not.toMatch(/Infinity|NaN/);
    }
    expect(outliers[0]!.details).toMatchObject({ lowerFence: -56.25, upperFence: null, scale: 'log-upper' });
    expect(outliers[0]!.message).toContain('far outside the usual range of 3.7e-193 to 18.8 (below -56.3).');
  });

  it('parquet seed 3 case 8297: a run-length run claiming more values than its page holds is refused before hyparquet grows an array to billions of elements (V8 aborted the process)', async () => {
    const plan: FuzzPlan = {
      seedIndex: 1,
      mutations: [
        { op: 'splice', at: 0.840911865234375, from: 0.413360595703125, length: 440, other: 1909418510 },
        { op: 'insert', at: 0.3268585205078125, bytes: [160, 200, 255, 254, 252, 107, 242, 88, 27, 195] },
        { op: 'delete', at: 0.97998046875, length: 41 },
        { op: 'set', at: 0.347503662109375, byte: 99 },
        { op: 'splice', at: 0.85845947265625, from: 0.56298828125, length: 379, other: 166600999 },
        { op: 'splice', at: 0.3194580078125, from: 0.8973541259765625, length: 393, other: 1601039677 },
        { op: 'set', at: 0.862701416015625, byte: 0 },
      ],
    };
    const bytes = applyPlan(plan, seedFiles('parquet'));
    const refusal = { code: 'PARSE_ERROR', message: 'case8297.parquet: column "b" in row group 1 is damaged: a run claims 6,910 values where the page has 20 left.' };
    // The predictions head sample decodes in the app's own process: there the abort ended the app.
    const file = join((t = tempDir()).dir, 'case8297.parquet');
    writeFileSync(file, bytes);
    await expect(sampleHead(file, detectFormat(file))).rejects.toMatchObject(refusal);
    t.cleanup();
    await expect(analyse('case8297.parquet', bytes)).rejects.toMatchObject(refusal);
  });

  it('parquet seed 2 case 2478: a footer whose schema names more children than it holds is refused by the sniffer and the engine (the sniffer threw a TypeError: "internal error" on registering)', async () => {
    const plan: FuzzPlan = {
      seedIndex: 1,
      mutations: [
        { op: 'delete', at: 0.430999755859375, length: 39 },
        { op: 'insert', at: 0.55450439453125, bytes: [39, 2, 215, 127] },
        { op: 'set', at: 0.6784820556640625, byte: 67 },
      ],
    };
    const bytes = applyPlan(plan, seedFiles('parquet'));
    const refusal = { code: 'PARSE_ERROR', message: 'case2478.parquet: the Parquet footer is damaged: schema element 2 has no valid name.' };
    const file = join((t = tempDir()).dir, 'case2478.parquet');
    writeFileSync(file, bytes);
    await expect(sniffDataset(file)).rejects.toMatchObject(refusal);
    t.cleanup();
    await expect(analyse('case2478.parquet', bytes)).rejects.toMatchObject(refusal);
  });
});
