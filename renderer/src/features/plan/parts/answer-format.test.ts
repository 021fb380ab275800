import { describe, expect, it } from 'vitest';
import { countInWords, gb, rangeText, tokensPerSecond, tokensPerSecondShort } from './answer-format';

describe('answer figures in plain words', () => {
  it('writes memory in GB to two significant figures', () => {
    expect(gb(4.725)).toBe('4.7 GB');
    expect(gb(16.8)).toBe('17 GB');
    expect(gb(232.4)).toBe('230 GB');
    expect(gb(1234)).toBe('1,200 GB');
    expect(gb(0.04)).toBe('under 0.1 GB');
    expect(gb(0)).toBe('0 GB');
  });

  it('says speeds in tokens a second', () => {
    expect(tokensPerSecond(14.53)).toBe('15 tokens a second');
    expect(tokensPerSecond(4159)).toBe('4,200 tokens a second');
    expect(tokensPerSecond(1.04)).toBe('1 token a second');
    expect(tokensPerSecondShort(14.53)).toBe('15 tokens/s');
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
