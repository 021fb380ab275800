/**
 * Guess a delimited file's dialect from its first lines: the delimiter that splits most lines into
 * the same number (> 1) of fields, the quote character, and whether the first row is a header
 * (it is, unless one of its cells is a number or a date, as Python's csv.Sniffer reasons).
 */
import { parseDateTimeBytes } from '../parse/datetime-bytes';
import { parseNumberBytes } from '../parse/number-bytes';

export interface SniffedDialect {
  delimiter: string;
  quote: string;
  hasHeader: boolean;
}

const CANDIDATES = [',', '\t', ';', '|'];
const MAX_LINES = 100;

/** Split one line on `delim`, honouring `quote` (sniffing only: no escapes needed). */
function splitLine(line: string, delim: string, quote: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === quote) inQuote = !inQuote;
    else if (c === delim && !inQuote) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

function sampleLines(head: string, complete: boolean): string[] {
  const lines = head.split(/\r\n|\n|\r/);
  if (!complete && lines.length > 1) lines.pop(); // probably cut short
  return lines.filter((l) => l.trim() !== '').slice(0, MAX_LINES);
}

function consistency(lines: string[], delim: string, quote: string): { score: number; fields: number } {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const n = splitLine(l, delim, quote).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let fields = 1;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > fields)) [fields, best] = [n, c];
  return { score: lines.length ? best / lines.length : 0, fields };
}

function looksTyped(cell: string): boolean {
  const t = cell.trim().replace(/^"(.*)"$/, '$1');
  if (t === '') return false;
  const bytes = Buffer.from(t, 'utf8');
  return parseNumberBytes(bytes, 0, bytes.length) === parseNumberBytes(bytes, 0, bytes.length) || parseDateTimeBytes(bytes, 0, bytes.length) === parseDateTimeBytes(bytes, 0, bytes.length);
}

export function sniffCsv(head: string, complete: boolean, extension: string): SniffedDialect {
  const lines = sampleLines(head, complete);
  const quote = !head.includes('"') && /(^|[,;\t|])'/m.test(head) ? "'" : '"';
  let delimiter = extension === '.tsv' || extension === '.tab' ? '\t' : ',';
  let bestScore = -1;
  let bestFields = 1;
  for (const d of CANDIDATES) {
    const { score, fields } = consistency(lines, d, quote);
    if (fields < 2) continue;
    const preferred = d === delimiter ? 0.001 : 0;
    if (score + preferred > bestScore || (score === bestScore && fields > bestFields)) {
      bestScore = score + preferred;
      bestFields = fields;
      delimiter = d;
    }
  }
  const first = lines[0] ?? '';
  const hasHeader = !splitLine(first, delimiter, quote).some(looksTyped);
  return { delimiter, quote, hasHeader };
}
