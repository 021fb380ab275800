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

// An email is found from its "@" outwards: an unanchored /[...]+@.../ retries the local-part run
// from every start position, quadratic in a long run of letters and digits (a 200 KB cell took
// 58 s). The domain is matched at the "@" only and within RFC 1035's 253 characters.
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_AT = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
const DOMAIN_MAX = 253;

function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !LOCAL_CHAR.test(text[at - 1]!)) continue;
    DOMAIN_AT.lastIndex = 0;
    if (DOMAIN_AT.test(text.slice(at + 1, at + 1 + DOMAIN_MAX))) return true;
  }
  return false;
}

/**
 * Only the first PII_SCAN_CAP characters of a cell are scanned: the detectors are linear, but a
 * multi-megabyte cell is a document, not a field, and a check must finish in bounded time. A
 * value beyond the cap is not looked at (stated in the check's README).
 */
export const PII_SCAN_CAP = 65_536;
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
  email: hasEmail,
  phone: hasPhone,
  credit_card: hasCard,
  iban: hasIban,
  ip_address: hasIp,
  us_ssn: hasSsn,
};

/** Which kinds of personal data a text contains (possibly several, e.g. a free-text note). */
export function detectPii(text: string): PiiKind[] {
  const scanned = text.length > PII_SCAN_CAP ? text.slice(0, PII_SCAN_CAP) : text;
  return PII_KINDS.filter((kind) => DETECTORS[kind](scanned));
}

/** Replaces a value for display when it holds PII; reports never show the value itself. */
export function redact(text: string): string {
  const kinds = detectPii(text);
  return kinds.length === 0 ? text : `[redacted ${kinds.join('/')}]`;
}
