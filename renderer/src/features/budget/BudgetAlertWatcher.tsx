import { useEffect } from 'react';
import { useRpcQuery } from '../../data/rpc-query';
import { notificationOf, notifiedIds, toNotify, NOTIFIED_KEY, type NotifiableAlert } from './alert-notify';

/** Running runs grow spend without a change event, so the alerts are also re-read now and then. */
const REFRESH_MS = 10 * 60_000;

async function permitted(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

async function notify(alerts: NotifiableAlert[]): Promise<void> {
  const { fresh, remember } = toNotify(alerts, notifiedIds(window.localStorage));
  if (fresh.length === 0) return;
  // Remembered first: a second window or a quick refetch must not notify the same crossing again.
  window.localStorage.setItem(NOTIFIED_KEY, JSON.stringify(remember));
  if (!(await permitted())) return;
  for (const a of fresh) {
    const n = notificationOf(a);
    new Notification(n.title, { body: n.body, tag: n.tag });
  }
}

/**
 * Budget alerts of every project reach the desktop once per alert id, through the web
 * Notification API (Electron shows it as a system notification; the main process allows only
 * this permission, to the app's own page). The in-app banners come from budget.status.
 */
export function BudgetAlertWatcher() {
  const q = useRpcQuery('budget.alerts', {}, { refetchInterval: REFRESH_MS });
  useEffect(() => {
    if (q.data) void notify(q.data.alerts);
  }, [q.data]);
  return null;
}
