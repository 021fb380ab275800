/** Checksums that turn "looks like a card number / IBAN" into "is one", cutting false alarms. */

/** Luhn (mod 10) check used by payment card numbers. Digits only. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * ISO 13616 IBAN check: move the first four characters to the end, letters to 10..35, and the
 * number mod 97 must be 1. Computed piecewise so no big integers are needed.
 */
export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/**
 * US Social Security Number validity per the SSA's rules: area 000, 666 and 900-999 were never
 * issued, nor group 00 or serial 0000; 078-05-1120 and 219-09-9999 are famous advertising numbers.
 */
export function usSsnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const whole = `${area}-${group}-${serial}`;
  return whole !== '078-05-1120' && whole !== '219-09-9999';
}
