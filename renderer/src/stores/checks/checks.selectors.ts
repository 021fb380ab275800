import type { CheckTask, Finding } from '../../../../shared/contract/checks';
import { plural } from '../../../../shared/quality/format';
import { formatBytes } from '../datasets/datasets.selectors';

/** Pure views over check tasks and runs; tested without React. */

const PHASES: Record<string, string> = {
  queued: 'Waiting for another analysis to finish',
  hashing: 'Fingerprinting the file',
  'reading-reference': 'Reading the reference file',
  reading: 'Reading the file',
  summarising: 'Summarising the columns',
  comparing: 'Comparing the two files',
  checking: 'Running the checks',
  saving: 'Saving the report',
  done: 'Done',
};

export function phaseLabel(phase: string): string {
  return PHASES[phase] ?? phase.replace(/[-_]/g, ' ');
}

export interface ProgressView {
  /** 0..100 while reading a file of known size; null when the phase has no measurable end. */
  percent: number | null;
  phase: string;
  /** e.g. "120,000 rows · 12 MB of 48 MB". */
  detail: string;
}

export function progressView(task: Pick<CheckTask, 'phase' | 'rows' | 'bytes' | 'totalBytes'>): ProgressView {
  const measurable = task.totalBytes != null && task.totalBytes > 0 && task.bytes > 0;
  const percent = measurable ? Math.min(100, Math.floor((task.bytes / task.totalBytes!) * 100)) : null;
  const parts: string[] = [];
  if (task.rows > 0) parts.push(plural(task.rows, 'row'));
  if (measurable) parts.push(`${formatBytes(task.bytes)} of ${formatBytes(task.totalBytes!)}`);
  return { percent, phase: phaseLabel(task.phase), detail: parts.join(' · ') };
}

export const SEVERITY_GROUPS = [
  { severity: 'error', title: 'Fix before training', meaning: 'These make results wrong or unsafe to use.' },
  { severity: 'warning', title: 'Review', meaning: 'These may hurt the model; decide whether they matter here.' },
  { severity: 'info', title: 'For reference', meaning: 'Worth knowing; no action needed.' },
] as const;

/** Findings by severity, most severe group first, keeping the backend's order inside each group. */
export function groupFindings(findings: readonly Finding[]) {
  return SEVERITY_GROUPS.map((g) => ({ ...g, findings: findings.filter((f) => f.severity === g.severity) })).filter((g) => g.findings.length > 0);
}

/** The columns a finding concerns, for the links to their cards. */
export function findingColumns(f: Pick<Finding, 'column' | 'columns'>): string[] {
  const out = f.column ? [f.column] : [];
  for (const c of f.columns ?? []) if (!out.includes(c)) out.push(c);
  return out;
}

/** Human words for a check id: "train_test_overlap" -> "Train test overlap". */
export function checkTitle(id: string): string {
  if (id === 'pii') return 'Personal data (PII)';
  const s = id.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const VERDICT_TEXT = {
  pass: { title: 'Pass', tone: 'ok', meaning: 'No problem that should stop training.' },
  warn: { title: 'Warn', tone: 'warn', meaning: 'Usable, but some findings need a look first.' },
  fail: { title: 'Fail', tone: 'error', meaning: 'Fix the errors below before spending compute on this data.' },
} as const;
