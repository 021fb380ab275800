import { create } from 'zustand';
import type { DatabaseHealth } from '../../../shared/contract/system';
import { api } from '../api/client';

interface DatabaseState {
  health: DatabaseHealth | null;
  busy: 'checking' | 'restoring' | 'backing-up' | null;
  error: string | null;
  message: string | null;
  load(): Promise<void>;
  check(full: boolean): Promise<void>;
  backupNow(): Promise<void>;
  restore(name: string): Promise<boolean>;
}

/** The database file's health and its backups: what the damaged-file screen and Settings show. */
export const useDatabase = create<DatabaseState>((set, get) => {
  const run = async <T,>(busy: DatabaseState['busy'], f: () => Promise<T>): Promise<T | null> => {
    set({ busy, error: null, message: null });
    try {
      return await f();
    } catch (e) {
      set({ error: (e as Error).message });
      return null;
    } finally {
      set({ busy: null });
    }
  };
  return {
    health: null,
    busy: null,
    error: null,
    message: null,
    async load() {
      const health = await run(null, () => api().call('system.health', {}));
      if (health) set({ health });
    },
    async check(full) {
      const health = await run('checking', () => api().call('system.checkDatabase', { full }));
      if (health) set({ health, message: health.status === 'ok' ? `The database passed the ${full ? 'full' : 'quick'} check.` : null });
    },
    async backupNow() {
      const r = await run('backing-up', () => api().call('system.backupNow', {}));
      if (r) {
        set({ message: `Backup written to ${r.path}.` });
        await get().load();
      }
    },
    async restore(name) {
      const r = await run('restoring', () => api().call('system.restoreBackup', { name }));
      if (!r) return false;
      set({ health: r.health, message: `Restored ${name}. The damaged file is kept as ${r.keptAs}.` });
      return true;
    },
  };
});

let listening = false;
/** Reload health when the backend says the file changed (a restore, or damage found by a check). */
export function watchDatabaseEvents(): void {
  if (listening) return;
  listening = true;
  api().subscribe((e) => {
    if (e.type === 'database.changed') void useDatabase.getState().load();
  });
}
