/**
 * PII detectors. Each finds candidates with a pattern and, where a checksum or rule exists,
 * validates them (Luhn for cards, mod-97 for IBANs, SSA ranges for SSNs), the approach of
 * Microsoft Presidio's recognizers. They work inside free text as well as on whole cells.
 */
import { ibanValid, luhnValid, usSsnValid } from './checksums';
import { IPV4_PATTERN, IPV6_CANDIDATE, isIpv6 } from './ip-address';

export const PII_KINDS = ['email', 'phone', 'credit_card', 'iban', 'ip_address', 'us_ssn'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Words for messages. */
export const PII_LABELS: Record<PiiKind, string> = {
  email: 'email addresses',
  phone: 'phone numbers',
  credit_card: 'payment card numbers',
  iban: 'bank account numbers (IBAN)',
  ip_address: 'IP addresses',
  us_ssn: 'US Social Security numbers',
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const SSN = /(?<!\d)(\d{3})[- ](\d{2})[- ](\d{4})(?!\d)/g;
// A phone number: optional +country, digits in 2-4 groups split by space, dot, dash or parentheses.
const PHONE_CANDIDATE = /(?<![\w+\-/.])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,5}){1,4}(?![\w])/g;
const ISO_DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

function hasCard(text: string): boolean {
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    // Issuer prefixes 2-6 (Mastercard 2-series, Amex 3, Visa 4, Mastercard 5, Discover 6).
    if (digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits)) return true;
  }
  return false;
}

function hasIban(text: string): boolean {
  for (const m of text.matchAll(IBAN_CANDIDATE)) if (ibanValid(m[0])) return true;
  return false;
}

function hasSsn(text: string): boolean {
  for (const m of text.matchAll(SSN)) if (usSsnValid(m[1], m[2], m[3])) return true;
  return false;
}

function hasIp(text: string): boolean {
  if (IPV4_PATTERN.test(text)) {
    IPV4_PATTERN.lastIndex = 0;
    return true;
  }
  IPV4_PATTERN.lastIndex = 0;
  for (const m of text.matchAll(IPV6_CANDIDATE)) if (isIpv6(m[0])) return true;
  return false;
}

function hasPhone(text: string): boolean {
  // Digit groups inside an IBAN-shaped token (valid or not) are account digits, not a phone.
  const ibanSpans = [...text.matchAll(IBAN_CANDIDATE)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0];
    if (ibanSpans.some(([from, to]) => m.index < to && m.index + candidate.length > from)) continue;
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    // Dates, decimals and dotted IPs look like digit groups too; a card number is reported as a card.
    if (ISO_DATE_LIKE.test(candidate) || /^\d+\.\d+$/.test(candidate)) continue;
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(candidate)) continue;
    if (/^\d{3}[- ]\d{2}[- ]\d{4}$/.test(candidate)) continue; // SSN shape
    if (digits.length >= 13 && luhnValid(digits)) continue;
    return true;
  }
  return false;
}

const DETECTORS: Record<PiiKind, (text: string) => boolean> = {
  email: (text) => EMAIL.test(text),
  phone: hasPhone,
  credit_card: hasCard,
  iban: hasIban,
  ip_address: hasIp,
  us_ssn: hasSsn,
};

/** Which kinds of personal data a text contains (possibly several, e.g. a free-text note). */
export function detectPii(text: string): PiiKind[] {
  return PII_KINDS.filter((kind) => DETECTORS[kind](text));
}

/** Replaces a value for display when it holds PII; reports never show the value itself. */
export function redact(text: string): string {
  const kinds = detectPii(text);
  return kinds.length === 0 ? text : `[redacted ${kinds.join('/')}]`;
}
