/** IPv4 and IPv6 address recognition (textual forms of RFC 791 / RFC 4291, incl. "::" and embedded v4). */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
export const IPV4_PATTERN = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d.])`, 'g');

export function isIpv4(text: string): boolean {
  return new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(text);
}

/** Strict IPv6 parse: eight 1-4 hex-digit groups, at most one "::", optional trailing IPv4. */
export function isIpv6(text: string): boolean {
  const candidate = text.replace(/%[\w.]+$/, ''); // zone index, e.g. fe80::1%eth0
  if (!/^[0-9A-Fa-f:.]+$/.test(candidate) || !candidate.includes(':')) return false;
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const parse = (part: string): string[] | undefined => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return false;
  const groups = [...head, ...tail];
  let width = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIpv4(g)) return false;
      width += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
      width += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? width < 8 : width === 8;
}

/** Candidate IPv6 tokens inside free text (validated by isIpv6). */
export const IPV6_CANDIDATE = /(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:])/g;
