import { useState } from 'react';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';

/**
 * The database file's health and what can be done about it (check, back up, restore), for the
 * Settings card and the damaged-file screen alike. Health is server data: a restore or damage
 * found elsewhere arrives as database.changed and refreshes it in every window.
 */
export function useDatabase() {
  const health = useRpcQuery('system.health', {});
  const [message, setMessage] = useState<string | null>(null);
  const check = useRpcMutation('system.checkDatabase', {
    onSuccess: (h, input) => setMessage(h.status === 'ok' ? `The database passed the ${input.full ? 'full' : 'quick'} check.` : null),
  });
  const backup = useRpcMutation('system.backupNow', { onSuccess: (r) => setMessage(`Backup written to ${r.path}.`) });
  // The file itself was replaced: every cached answer came from the old one.
  const restore = useRpcMutation('system.restoreBackup', {
    invalidates: 'everything',
    onSuccess: (r) => setMessage(`Restored ${r.restored}. The damaged file is kept as ${r.keptAs}.`),
  });
  const busy = check.isPending ? 'checking' : backup.isPending ? 'backing-up' : restore.isPending ? 'restoring' : null;
  const act = (run: () => void) => {
    setMessage(null);
    run();
  };
  return {
    health: health.data ?? null,
    busy,
    error: health.error ?? check.error ?? backup.error ?? restore.error ?? null,
    message,
    check: (full: boolean) => act(() => check.mutate({ full })),
    backupNow: () => act(() => backup.mutate({})),
    restore: (name: string) => act(() => restore.mutate({ name })),
  };
}
