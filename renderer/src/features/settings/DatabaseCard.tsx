import { useEffect } from 'react';
import { useDatabase } from '../../stores/database.store';

/** Settings › Database: the last integrity check, a full check on demand, and backups. */
export function DatabaseCard() {
  const { health, busy, error, message, load, check, backupNow } = useDatabase();
  useEffect(() => {
    void load();
  }, [load]);
  if (!health) return null;
  const newest = health.backups[0];
  return (
    <div className="card" aria-label="Database health">
      <h2>Database health</h2>
      <p>
        {health.status === 'ok' ? 'Healthy' : 'Damaged'}: the {health.check.mode === 'full' ? 'full' : 'quick'} check at {health.check.checkedAt.slice(11, 16)} UTC
        {health.check.reason === 'unclean-shutdown' ? ' (a full one, because Tally was not closed normally last time)' : ''} {health.status === 'ok' ? 'found no problems.' : 'found problems.'}
      </p>
      <p className="muted">
        {health.backups.length
          ? `${health.backups.length} ${health.backups.length === 1 ? 'backup' : 'backups'} in ${health.backupDir}; the newest from ${newest!.modifiedAt.slice(0, 16).replace('T', ' ')} UTC.`
          : `No backups yet in ${health.backupDir}.`}
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {message && (
        <div className="banner banner--ok" role="status">
          {message}
        </div>
      )}
      <div className="page__actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void check(true)}>
          {busy === 'checking' ? 'Checking…' : 'Run a full check'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void backupNow()}>
          {busy === 'backing-up' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
    </div>
  );
}
