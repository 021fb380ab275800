import { ErrorBanner } from '../../components/ErrorBanner';
import { useDatabase } from './use-database';

/** Settings › Database: the last integrity check, a full check on demand, and backups. */
export function DatabaseCard() {
  const { health, busy, error, message, check, backupNow } = useDatabase();
  if (!health) return <ErrorBanner error={error} />;
  const newest = health.backups[0];
  return (
    <section className="card" aria-labelledby="database-health-title">
      <h2 id="database-health-title">Database health</h2>
      <p>
        {health.status === 'ok' ? 'Healthy' : 'Damaged'}: the {health.check.mode === 'full' ? 'full' : 'quick'} check at {health.check.checkedAt.slice(11, 16)} UTC
        {health.check.reason === 'unclean-shutdown' ? ' (a full one, because Tally was not closed normally last time)' : ''} {health.status === 'ok' ? 'found no problems.' : 'found problems.'}
      </p>
      <p className="muted">
        {health.backups.length
          ? `${health.backups.length} ${health.backups.length === 1 ? 'backup' : 'backups'} in ${health.backupDir}; the newest from ${newest!.modifiedAt.slice(0, 16).replace('T', ' ')} UTC.`
          : `No backups yet in ${health.backupDir}.`}
      </p>
      <ErrorBanner error={error} />
      {message && (
        <div className="banner banner--ok" role="status">
          {message}
        </div>
      )}
      <div className="page__actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => check(true)}>
          {busy === 'checking' ? 'Checking…' : 'Run a full check'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => backupNow()}>
          {busy === 'backing-up' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
    </section>
  );
}
