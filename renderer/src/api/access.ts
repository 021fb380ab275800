/**
 * Whether this browser tab can still reach Tally. The browser host takes a new token each time
 * it starts, so a tab opened before `tally serve` was restarted is refused (401) from then on,
 * and no reload helps: the tab keeps its old token. Only the address the restarted host printed
 * carries the new one, so the page says exactly that, once, instead of failing screen by screen.
 */
export const ACCESS_LOST_MESSAGE =
  'Tally was restarted since this tab was opened, so this tab can no longer load or save anything. Open Tally again with the address “tally serve” printed when it started (it ends in ?token=…).';

const listeners = new Set<() => void>();
let lost = false;

/** Called by the transport when the host refuses this tab's token. */
export function markAccessLost(): void {
  if (lost) return;
  lost = true;
  for (const l of [...listeners]) l();
}

export function isAccessLost(): boolean {
  return lost;
}

export function onAccessLost(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
