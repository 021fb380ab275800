import { describe, expect, it } from 'vitest';
import { countInWords, gb, plural, rangeText, seconds, smallUsd, tokensPerSecond, tokensPerSecondShort } from './answer-format';

describe('answer figures in plain words', () => {
  it('agrees the word with the count', () => {
    expect(plural(1, 'device')).toBe('1 device');
    expect(plural(2, 'device')).toBe('2 devices');
    expect(plural(0, 'device')).toBe('0 devices');
    expect(plural(1200, 'request')).toBe('1,200 requests');
    expect(plural(3, 'GPU')).toBe('3 GPUs');
  });

  it('writes memory in GB to two significant figures', () => {
    expect(gb(4.725)).toBe('4.7 GB');
    expect(gb(16.8)).toBe('17 GB');
    expect(gb(232.4)).toBe('230 GB');
    expect(gb(1234)).toBe('1,200 GB');
    expect(gb(0.04)).toBe('under 0.1 GB');
    expect(gb(0)).toBe('0 GB');
  });

  it('says waits in seconds, never milliseconds', () => {
    expect(seconds(484)).toBe('0.48 seconds');
    expect(seconds(21_120)).toBe('21 seconds');
    expect(seconds(1000)).toBe('1 second');
    expect(seconds(6.9)).toBe('under 0.01 seconds');
    expect(seconds(150_000)).toBe('2.5 minutes');
    expect(seconds(60_000 * 1.02)).toBe('61 seconds');
  });

  it('says speeds and small amounts without false zeros', () => {
    expect(tokensPerSecond(14.53)).toBe('15 tokens a second');
    expect(tokensPerSecond(4159)).toBe('4,200 tokens a second');
    expect(tokensPerSecond(1.04)).toBe('1 token a second');
    expect(tokensPerSecondShort(14.53)).toBe('15 tokens/s');
    expect(smallUsd(0.0042)).toBe('$0.0042');
    expect(smallUsd(0.63)).toBe('$0.63');
    expect(smallUsd(125.4)).toBe('$125');
  });

  it('writes large counts in words', () => {
    expect(countInWords(12_845_740_428)).toBe('13 billion');
    expect(countInWords(1.41e12)).toBe('1.4 trillion');
    expect(countInWords(350e6)).toBe('350 million');
    expect(countInWords(999.7e6)).toBe('1 billion');
    expect(countInWords(950)).toBe('950');
    expect(countInWords(12_000)).toBe('12 thousand');
  });

  it('drops a range whose ends read the same', () => {
    expect(rangeText('$17', '$17')).toBeNull();
    expect(rangeText('$12', '$17')).toBe('$12 to $17');
    expect(rangeText('0.39 seconds', '0.68 seconds')).toBe('0.39 to 0.68 seconds');
    expect(rangeText('13 tokens/s', '16 tokens/s')).toBe('13 to 16 tokens/s');
    expect(rangeText('1 second', '2.5 seconds')).toBe('1 second to 2.5 seconds');
    expect(rangeText('0.9 seconds', '1.5 minutes')).toBe('0.9 seconds to 1.5 minutes');
  });
});
