/**
 * The human output of `tally check`: a verdict banner line, the owner's paragraph, then the
 * findings grouped by severity with their message and advice, and the gate's outcome last.
 */
import type { FailOn, Finding } from '../../../shared/contract/checks';
import type { Verdict } from '../../../shared/quality/finding';
import { shownName } from '../../../shared/quality/format';

export interface TextReportInput {
  file: string;
  reference: string | null;
  rows: number;
  columns: number;
  verdict: Verdict;
  summary: string;
  findings: readonly Finding[];
  /** What the checks did not cover. */
  notes?: readonly { check: string; message: string }[];
  failOn: FailOn;
  gateFailed: boolean;
}

const BANNER: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
const GROUPS = [
  ['error', 'Errors', 'x'],
  ['warning', 'Warnings', '!'],
  ['info', 'Notes', '-'],
] as const;

/** Wraps text at `width` columns with a hanging indent, so long messages stay readable in a terminal. */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

export function renderTextReport(r: TextReportInput, width = 100): string {
  const compared = r.reference ? ` compared with ${r.reference}` : '';
  const out = [`${BANNER[r.verdict]}  ${r.file}${compared}: ${r.rows.toLocaleString('en-US')} rows, ${r.columns} columns`, '', wrap(r.summary, width, '')];
  for (const [severity, title, mark] of GROUPS) {
    const list = r.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push('', `${title} (${list.length})`);
    for (const f of list) {
      const where = f.column ? ` [${shownName(f.column)}]` : f.columns?.length ? ` [${f.columns.map(shownName).join(', ')}]` : '';
      out.push(`  ${mark} ${f.id}${where}`, wrap(f.message, width, '    '), wrap(`What to do: ${f.advice}`, width, '    '));
    }
  }
  if (r.notes?.length) {
    out.push('', `Not covered (${r.notes.length})`);
    for (const n of r.notes) out.push(`  ~ ${n.check}`, wrap(n.message, width, '    '));
  }
  const gate = r.failOn === 'never' ? 'never fails' : r.gateFailed ? `FAILED: a finding reached ${r.failOn}` : `passed: no finding reached ${r.failOn}`;
  out.push('', `Gate (--fail-on ${r.failOn}): ${gate}.`);
  return out.join('\n');
}
