/**
 * A running evaluation or monitor batch in words: its phase, rows and bytes, and a percentage
 * while a file of known size is read. Pure; the progress component renders it.
 */
import { formatCount } from '../../../../shared/quality/format';
import { formatBytes } from '../../stores/datasets/datasets.selectors';

const PHASES: Record<string, string> = {
  starting: 'Starting',
  queued: 'Waiting for another analysis to finish',
  hashing: 'Fingerprinting the file',
  'reading-reference': 'Reading the reference file',
  reading: 'Reading the predictions',
  summarising: 'Summarising the columns',
  comparing: 'Comparing with the reference',
  evaluating: 'Computing the metrics, slices and intervals',
  saving: 'Saving',
  done: 'Done',
  failed: 'Stopped',
  cancelled: 'Cancelled',
};

export function phaseWords(phase: string): string {
  return PHASES[phase] ?? phase.replace(/[-_]/g, ' ');
}

interface Progressing {
  phase: string;
  rows: number;
  bytes: number;
  totalBytes: number | null;
}

export function taskProgressView(task: Progressing): { percent: number | null; phase: string; detail: string } {
  const measurable = task.totalBytes != null && task.totalBytes > 0 && task.bytes > 0 && (task.phase === 'reading' || task.phase === 'hashing' || task.phase === 'reading-reference');
  const percent = measurable ? Math.min(100, Math.floor((task.bytes / task.totalBytes!) * 100)) : null;
  const parts: string[] = [];
  if (task.rows > 0) parts.push(`${formatCount(task.rows)} rows`);
  if (measurable) parts.push(`${formatBytes(task.bytes)} of ${formatBytes(task.totalBytes!)}`);
  return { percent, phase: phaseWords(task.phase), detail: parts.join(' · ') };
}
