/**
 * Desktop notifications for budget alerts, once per alert id. Alert ids are stable per crossing
 * (shared/budget/spend/alerts.ts), so remembering the ids already notified is enough: the same
 * crossing never notifies twice, even after a restart; a new month, a changed budget or a
 * higher threshold is a new id and notifies again. The memory is the page's localStorage.
 */
export const NOTIFIED_KEY = 'tally.budget.notifiedAlerts';
/** Enough for years of crossings; the oldest ids are forgotten first. */
export const MAX_REMEMBERED = 500;

export interface NotifiableAlert {
  id: string;
  projectName: string;
  severity: 'warning' | 'error';
  message: string;
}

export interface IdStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function notifiedIds(store: IdStore): string[] {
  try {
    const v = JSON.parse(store.getItem(NOTIFIED_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The alerts not notified yet, and the remembered ids once they are. */
export function toNotify(alerts: readonly NotifiableAlert[], remembered: readonly string[]): { fresh: NotifiableAlert[]; remember: string[] } {
  const known = new Set(remembered);
  const fresh = alerts.filter((a) => !known.has(a.id));
  const remember = [...remembered, ...fresh.map((a) => a.id)].slice(-MAX_REMEMBERED);
  return { fresh, remember };
}

export function notificationOf(a: NotifiableAlert): { title: string; body: string; tag: string } {
  return { title: `${a.severity === 'error' ? 'Budget exceeded' : 'Budget warning'}: ${a.projectName}`, body: a.message, tag: a.id };
}
