import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDatabase } from './use-database';
import { BackupsTable } from './BackupsTable';

/**
 * Shown instead of the app when the start-up check finds the database damaged: nothing from the
 * file is displayed (its values may be mangled) and nothing is written until a backup is restored.
 */
export function DamagedDatabasePage() {
  const { health, busy, error, message, check, restore } = useDatabase();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!health) return null;
  const healthy = health.backups.filter((b) => b.healthy);
  return (
    <section className="page" aria-labelledby="damaged-title">
      <header className="page__header">
        <div>
          <h1 id="damaged-title">Your Tally database is damaged</h1>
          <p className="muted">
            Tally checked <code>{health.dbPath}</code> when it started and found damage, so it opened the file read-only: nothing is shown from it and nothing more is written into it.
          </p>
        </div>
      </header>
      <ErrorBanner error={error} />
      {message && (
        <div className="banner banner--ok" role="status">
          {message}
        </div>
      )}
      <div className="card">
        <h2>What SQLite reported</h2>
        <ul>
          {health.check.problems.slice(0, 5).map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button" disabled={busy !== null} onClick={() => check(true)}>
          {busy === 'checking' ? 'Checking…' : 'Check again'}
        </button>
      </div>
      <div className="card">
        <h2>Restore a backup</h2>
        {healthy.length ? (
          <>
            <p className="muted">
              Restoring puts the copy in place of the damaged file. The damaged file is kept beside it, renamed, so nothing is thrown away. Work done after the copy was written is not in it. Close other Tally windows on this folder first.
            </p>
            <BackupsTable backups={health.backups} busy={busy !== null} onRestore={setChosen} />
          </>
        ) : (
          <p>
            There is no healthy backup in <code>{health.backupDir}</code>. Copy the damaged file somewhere safe before trying a repair tool such as <code>sqlite3 tally.db .recover</code>.
          </p>
        )}
      </div>
      <ConfirmDialog
        open={chosen !== null}
        title="Restore this backup?"
        confirmLabel="Restore"
        busy={busy === 'restoring'}
        onCancel={() => setChosen(null)}
        onConfirm={() => {
          const name = chosen!;
          setChosen(null);
          restore(name);
        }}
      >
        <p>The damaged database is kept beside it as a renamed file. Anything recorded after this backup was written is not in it.</p>
      </ConfirmDialog>
    </section>
  );
}
