import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads the suffixes people type for model and data sizes', () => {
    expect(parseQuantity('7B')).toBe(7e9);
    expect(parseQuantity('1.4T')).toBe(1.4e12);
    expect(parseQuantity('7e9')).toBe(7e9);
    expect(parseQuantity('7,000,000,000')).toBe(7e9);
    expect(parseQuantity('300M')).toBe(3e8);
    expect(parseQuantity('-5')).toBe(-5); // left for the schema to refuse with its own message
    expect(parseQuantity(' 2k ')).toBe(2000);
  });
  it('tells empty apart from unreadable', () => {
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('seven')).toBeNaN();
    expect(parseQuantity('7BB')).toBeNaN();
    // Same rule as the CLI: milli or mega? Refused rather than guessed.
    expect(parseQuantity('300m')).toBeNaN();
  });
  it('formats back to the short form', () => {
    expect(formatQuantity(7e9)).toBe('7B');
    expect(formatQuantity(1.4e12)).toBe('1.4T');
    expect(formatQuantity(140e9)).toBe('140B');
    expect(formatQuantity(2000)).toBe('2k');
    expect(formatQuantity(42)).toBe('42');
  });
});
