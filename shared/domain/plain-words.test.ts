import { describe, expect, it } from 'vitest';
import { countOf, waitText, wordFor } from './plain-words';

describe('plain words', () => {
  it('counts with the right plural', () => {
    expect(countOf(1, 'GPU')).toBe('1 GPU');
    expect(countOf(3, 'GPU')).toBe('3 GPUs');
    expect(countOf(0, 'error')).toBe('0 errors');
    expect(countOf(1, 'error')).toBe('1 error');
    expect(countOf(1200, 'request')).toBe('1,200 requests');
    expect(countOf(2, 'copy', 'copies')).toBe('2 copies');
    expect(wordFor(1, 'device')).toBe('device');
    expect(wordFor(2, 'device')).toBe('devices');
  });

  it('waits in seconds, minutes or hours, never "10000 ms"', () => {
    expect(waitText(10_000)).toBe('10 seconds');
    expect(waitText(1000)).toBe('1 second');
    expect(waitText(1040)).toBe('1 second');
    expect(waitText(3456)).toBe('3.5 seconds');
    expect(waitText(450)).toBe('0.45 seconds');
    expect(waitText(60_000)).toBe('60 seconds');
    expect(waitText(120_000)).toBe('2 minutes');
    expect(waitText(2 * 3600_000)).toBe('2 hours');
    expect(waitText(45)).toBe('under 0.1 seconds');
    expect(waitText(45, { precise: true })).toBe('45 ms');
    expect(waitText(0.2, { precise: true })).toBe('1 ms');
    expect(waitText(Number.NaN)).toBe('unknown');
  });
});
