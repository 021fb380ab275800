import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ibanValid, luhnValid, usSsnValid } from './checksums';
import { isIpv4, isIpv6 } from './ip-address';
import { PII_SCAN_CAP, detectPii, redact } from './detectors';

/** Appends the Luhn check digit to a digit string. */
function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable: one check digit always fits');
}

describe('checksums', () => {
  it('Luhn accepts known test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5500000000000004')).toBe(true);
    expect(luhnValid('340000000000009')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('Luhn: every body has exactly one check digit, and any single-digit change breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const number = withLuhnDigit(body);
        const valid = [...Array(10).keys()].filter((d) => luhnValid(body + d));
        expect(valid).toHaveLength(1);
        const i = pos % number.length;
        const changed = number.slice(0, i) + String((Number(number[i]) + delta) % 10) + number.slice(i + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });

  it('IBAN mod-97 accepts published examples and rejects any single changed digit', () => {
    const examples = ['GB82 WEST 1234 5698 7654 32', 'DE89 3704 0044 0532 0130 00', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91ABNA0417164300'];
    for (const iban of examples) expect(ibanValid(iban)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, pos, delta) => {
        const compact = iban.replace(/ /g, '');
        const digits = [...compact].map((ch, i) => [ch, i] as const).filter(([ch, i]) => i >= 2 && /\d/.test(ch));
        const [ch, i] = digits[pos % digits.length];
        const changed = compact.slice(0, i) + String((Number(ch) + delta) % 10) + compact.slice(i + 1);
        expect(ibanValid(changed)).toBe(false);
      }),
    );
  });

  it('SSN excludes the ranges the SSA never issues', () => {
    expect(usSsnValid('123', '45', '6789')).toBe(true);
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['900', '12', '3456'], ['999', '12', '3456'], ['123', '00', '4567'], ['123', '45', '0000'], ['078', '05', '1120']]) {
      expect(usSsnValid(a, g, s)).toBe(false);
    }
  });

  it('recognises IPv4 and IPv6 forms', () => {
    expect(isIpv4('192.168.1.20')).toBe(true);
    expect(isIpv4('256.1.1.1')).toBe(false);
    for (const v6 of ['2001:db8::1', 'fe80::1ff:fe23:4567:890a', '::ffff:192.0.2.128', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '::1']) expect(isIpv6(v6)).toBe(true);
    for (const not of ['12:30:45', '1::2::3', '2001:db8:::1', 'abc', '1:2:3:4:5:6:7:8:9']) expect(isIpv6(not)).toBe(false);
  });
});

describe('detectPii', () => {
  it.each([
    ['jane.doe@example.com', 'email'],
    ['write to Jane <jane@example.co.uk> today', 'email'],
    ['+1 415-555-0132', 'phone'],
    ['(415) 555-0132', 'phone'],
    ['+44 20 7946 0958', 'phone'],
    ['4111 1111 1111 1111', 'credit_card'],
    ['card 5500-0000-0000-0004 on file', 'credit_card'],
    ['GB82 WEST 1234 5698 7654 32', 'iban'],
    ['192.168.1.20', 'ip_address'],
    ['login from 2001:db8::1 failed', 'ip_address'],
    ['123-45-6789', 'us_ssn'],
  ])('finds %s as %s', (text, kind) => {
    expect(detectPii(text)).toEqual([kind]);
  });

  it.each(['2024-01-15', '3.14159', '12:30:45', 'ORD-2024-0001', 'v1.2.3', '4111 1111 1111 1112', 'GB82 WEST 1234 5698 7654 33', '666-45-6789', 'north', '42', 'C000123'])(
    'finds nothing in %s',
    (text) => expect(detectPii(text)).toEqual([]),
  );

  it('redacts values that hold PII and leaves others alone', () => {
    expect(redact('jane@example.com')).toBe('[redacted email]');
    expect(redact('north')).toBe('north');
  });
});

describe('PII detectors on hostile cells', () => {
  const OLD_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

  it('find exactly the emails the plain pattern finds', () => {
    const chars = fc.constantFrom(...'ab9.-_%+@ xZ'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        expect(detectPii(s).includes('email')).toBe(OLD_EMAIL.test(s));
      }),
      { numRuns: 5000, seed: 1205 },
    );
  });

  it('scan at most the first PII_SCAN_CAP characters of a cell', () => {
    const beyond = `${'x'.repeat(PII_SCAN_CAP)} jane@example.com`;
    expect(detectPii(beyond)).toEqual([]);
    expect(detectPii(`jane@example.com ${'x'.repeat(PII_SCAN_CAP)}`)).toEqual(['email']);
  });
});
