import { describe, expect, it } from 'vitest';
import { checkBatch, checkParam, checkTag, largestLogBatchBytes, LIMITS } from './mlflow-limits';
import type { KeyValue, MetricPoint } from './tracking-store';

const metrics = (n: number, keyLength = 4): MetricPoint[] =>
  Array.from({ length: n }, (_, i) => ({ key: `m${String(i).padStart(keyLength - 1, '0')}`, value: i / 7, timestamp: 1764493200000 + i, step: i }));
const kvs = (n: number, prefix: string, valueLength = 1): KeyValue[] => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: 'v'.repeat(valueLength) }));

describe("MLflow's limits", () => {
  it('admits a batch exactly at every limit', () => {
    expect(() => checkBatch(metrics(1000), [], [])).not.toThrow();
    expect(() => checkBatch(metrics(800), kvs(100, 'p', 6000), kvs(100, 't', 8000))).not.toThrow();
  });

  it('refuses one entity past each limit, worded as MLflow words it', () => {
    expect(() => checkBatch(metrics(1001), [], [])).toThrow(
      'A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.',
    );
    expect(() => checkBatch([], kvs(101, 'p'), [])).toThrow('at most 100 params. Got 101 params.');
    expect(() => checkBatch([], [], kvs(101, 't'))).toThrow('at most 100 tags. Got 101 tags.');
    expect(() => checkBatch(metrics(900), kvs(51, 'p'), kvs(50, 't'))).toThrow('at most 1000 metrics, params, and tags. Got 1001');
  });

  it('refuses a key, param value or tag value one character too long', () => {
    expect(() => checkParam({ key: 'k'.repeat(250), value: 'v'.repeat(6000) })).not.toThrow();
    expect(() => checkParam({ key: 'k'.repeat(251), value: 'v' })).toThrow(/^Param key 'k{250}' had length 251, which exceeded length limit of 250$/);
    expect(() => checkParam({ key: 'lr', value: 'v'.repeat(6001) })).toThrow('Param value');
    expect(() => checkTag({ key: 'note', value: 'v'.repeat(8000) })).not.toThrow();
    expect(() => checkTag({ key: 'note', value: 'v'.repeat(8001) })).toThrow('had length 8001, which exceeded length limit of 8000');
    expect(() => checkBatch([{ key: 'k'.repeat(251), value: 1, timestamp: 0, step: 0 }], [], [])).toThrow("Metric name 'kkk");
  });

  it('counts characters as Python does (code points), so an emoji is one character', () => {
    expect(() => checkTag({ key: 'note', value: '😀'.repeat(8000) })).not.toThrow();
    expect(() => checkTag({ key: 'note', value: '😀'.repeat(8001) })).toThrow('had length 8001');
  });

  it('refuses a batch naming one param twice, and a negative timestamp', () => {
    expect(() => checkBatch([], [{ key: 'a', value: '1' }, { key: 'a', value: '2' }], [])).toThrow("Duplicate parameter keys have been submitted: ['a']");
    expect(() => checkBatch([{ key: 'loss', value: 1, timestamp: -1, step: 0 }], [], [])).toThrow('Got invalid timestamp -1');
  });

  it("sizes the body cap above MLflow's largest batch at its costliest encoding", () => {
    const worst = '\u0001';
    const key = (i: number) => worst.repeat(LIMITS.entityKeyLength - String(i).length) + String(i);
    const body = JSON.stringify({
      run_id: '0123456789abcdef0123456789abcdef',
      metrics: Array.from({ length: 800 }, (_, i) => ({ key: key(i), value: -1.2345678901234567e308, timestamp: 8_640_000_000_000_000, step: -9_007_199_254_740_991 })),
      params: Array.from({ length: 100 }, (_, i) => ({ key: key(i), value: worst.repeat(LIMITS.paramValueLength) })),
      tags: Array.from({ length: 100 }, (_, i) => ({ key: key(i), value: worst.repeat(LIMITS.tagValueLength) })),
    });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(largestLogBatchBytes());
    expect(largestLogBatchBytes()).toBeLessThan(16 * 1024 * 1024);
  });
});
