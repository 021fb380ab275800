/**
 * Counts and waits as a person says them, for every sentence Tally writes (screens, CLI reports,
 * the estimator's recommendation): "1 GPU", "3 GPUs", "1 error"; "10 seconds", not "10000 ms".
 */

/** "1 GPU", "3 GPUs", "0 errors", "1,200 requests"; `many` for irregular plurals ("2 devices"). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  const text = Number.isInteger(n) ? n.toLocaleString('en-US') : String(Number(n.toPrecision(3)));
  return `${text} ${n === 1 ? one : many}`;
}

/** Just the word: "GPU" or "GPUs", for "3 x GPUs" style phrases where the number is elsewhere. */
export function wordFor(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

function twoDigits(x: number): string {
  return String(Number(x.toPrecision(2)));
}

const unit = (text: string, one: string) => `${text} ${text === '1' ? one : `${one}s`}`;

/**
 * A wait given in milliseconds, in the unit a person uses: "0.4 seconds", "3.5 seconds",
 * "10 seconds", "2 minutes", "1.5 hours". Below a tenth of a second it says "under 0.1 seconds"
 * only when the exact figure is not needed; `precise` keeps milliseconds there ("45 ms").
 */
export function waitText(ms: number, options: { precise?: boolean } = {}): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  const s = ms / 1000;
  if (s < 0.1) return options.precise ? `${Math.max(1, Math.round(ms))} ms` : 'under 0.1 seconds';
  if (s < 90) return unit(twoDigits(s), 'second');
  const min = s / 60;
  if (min < 90) return unit(twoDigits(min), 'minute');
  return unit(twoDigits(min / 60), 'hour');
}
