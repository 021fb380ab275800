import { useState } from 'react';
import { useSubmit } from '../../components/use-submit';
import { useRpcQuery } from '../../data/rpc-query';

/**
 * The database file's health and what can be done about it (check, back up, restore), for the
 * Settings card and the damaged-file screen alike. Health is server data: a restore or damage
 * found elsewhere arrives as database.changed and refreshes it in every window.
 */
export function useDatabase() {
  const health = useRpcQuery('system.health', {});
  const [message, setMessage] = useState<string | null>(null);
  const check = useSubmit('system.checkDatabase', {
    onSuccess: (h, input) => setMessage(h.status === 'ok' ? `The database passed the ${input.full ? 'full' : 'quick'} check.` : null),
  });
  const backup = useSubmit('system.backupNow', { onSuccess: (r) => setMessage(`Backup written to ${r.path}.`) });
  // The file itself was replaced: every cached answer came from the old one.
  const restore = useSubmit('system.restoreBackup', {
    invalidates: 'everything',
    onSuccess: (r) => setMessage(`Restored ${r.restored}. The damaged file is kept as ${r.keptAs}.`),
  });
  const busy = check.busy ? 'checking' : backup.busy ? 'backing-up' : restore.busy ? 'restoring' : null;
  // One at a time across the three: a second click while one runs does nothing.
  const act = (run: () => void) => {
    if (busy) return;
    setMessage(null);
    run();
  };
  return {
    health: health.data ?? null,
    busy,
    error: health.error ?? check.error ?? backup.error ?? restore.error ?? null,
    message,
    check: (full: boolean) => act(() => void check.submit({ full })),
    backupNow: () => act(() => void backup.submit({})),
    restore: (name: string) => act(() => void restore.submit({ name })),
  };
}
