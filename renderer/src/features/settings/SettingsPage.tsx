import { ErrorBanner } from '../../components/ErrorBanner';
import { useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { formatBytes } from '../../stores/datasets/datasets.selectors';
import { DatabaseCard } from './DatabaseCard';
import { TrackingCard } from './TrackingCard';

export function SettingsPage() {
  const system = useRpcQuery('system.info', {});
  const info = system.data;
  const go = useNavigation((s) => s.go);
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page__header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="muted">Where Tally keeps your data, and what it connects to.</p>
        </div>
      </header>
      <ErrorBanner error={system.error} />
      <section className="card" aria-labelledby="settings-catalog-title">
        <h2 id="settings-catalog-title">Catalog</h2>
        <p className="muted">The hardware, cloud and AI-service prices and grid figures behind every estimate, with how old each one is. Edit them, add your own, import or export.</p>
        <a href="#/settings/catalog" onClick={(e) => (e.preventDefault(), go({ page: 'catalog' }))}>
          Open the catalog →
        </a>
      </section>
      {info && (
        <>
          <section className="card privacy" aria-labelledby="settings-privacy-title">
            <h2 id="settings-privacy-title">Privacy</h2>
            <p className="privacy__statement">{info.network.statement}</p>
            <p className="muted">
              {info.network.listeners.length
                ? `Listening only on this computer: ${info.network.listeners.join(', ')}.`
                : 'Tally is not listening on any network port.'}
            </p>
          </section>
          <section className="card" aria-labelledby="settings-data-title">
            <h2 id="settings-data-title">Data</h2>
            <dl className="facts">
              <dt>Data folder</dt>
              <dd>
                <code>{info.dataDir}</code>
              </dd>
              <dt>Database file</dt>
              <dd>
                <code>{info.dbPath}</code>
              </dd>
              <dt>Database size</dt>
              <dd data-testid="db-size">{formatBytes(info.dbSizeBytes)}</dd>
              <dt>Schema version</dt>
              <dd>{info.schemaVersion}</dd>
              <dt>Tally version</dt>
              <dd>{info.appVersion}</dd>
            </dl>
            <p className="muted">Back up the data folder to keep everything. Tally backs the database up itself before each upgrade and once a day while it runs.</p>
          </section>
          <TrackingCard />
          <DatabaseCard />
        </>
      )}
    </section>
  );
}
