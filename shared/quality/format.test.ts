/** Figures in messages: shares never rounded up onto a threshold, p-values that underflow. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPValue, formatShare, pValueWords } from './format';

describe('formatShare', () => {
  it('never prints a share above the share itself (4.97% next to "an error from 5%" is not "5%")', () => {
    expect(formatShare(0.0497)).toBe('4.97%');
    expect(formatShare(0.196)).toBe('19.6%');
    expect(formatShare(0.049996)).toBe('4.99%');
    expect(formatShare(60 / 2030)).toBe('2.95%');
    expect(formatShare(0.0099)).toBe('0.99%');
  });

  it('keeps the short form when rounding goes down or lands exactly', () => {
    expect(formatShare(0.05)).toBe('5%');
    expect(formatShare(0.0504)).toBe('5%');
    expect(formatShare(0.07)).toBe('7%');
    expect(formatShare(0.333)).toBe('33%');
    expect(formatShare(0.8939)).toBe('89%');
    expect(formatShare(0.0004)).toBe('less than 0.1%');
    expect(formatShare(0.99951)).toBe('more than 99.9%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
  });

  it('holds for any share: the printed percent is at most the true one and within 0.1 point of it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.9994, noNaN: true }), (share) => {
        const printed = Number(formatShare(share).replace('%', ''));
        const percent = share * 100;
        expect(printed).toBeLessThanOrEqual(percent + 1e-9);
        expect(percent - printed).toBeLessThan(percent < 10 ? 0.1 : 1);
      }),
    );
  });
});

describe('pValueWords', () => {
  it('says the floor once: "p < 1e-16", never "p = < 1e-16"', () => {
    expect(pValueWords(0)).toBe('p < 1e-16');
    expect(pValueWords(2.5e-9)).toBe('p = 2.5e-9');
    expect(pValueWords(0.0312)).toBe('p = 0.0312');
  });
});

describe('formatPValue', () => {
  it('prints a p-value that underflowed to 0 as "< 1e-16", never "0"', () => {
    expect(formatPValue(0)).toBe('< 1e-16');
    expect(formatPValue(3e-300)).toBe('< 1e-16');
    expect(formatPValue(2.5e-9)).toBe('2.5e-9');
    expect(formatPValue(0.0312)).toBe('0.0312');
  });
});
