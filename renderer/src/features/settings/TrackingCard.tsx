import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/use-submit';
import { useRpcQuery } from '../../data/rpc-query';
import './tracking.css';

/** Copies one line; where the clipboard is refused, selects it so Ctrl+C works. */
function CopyLine({ line, label }: { line: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle');
  const id = `copy-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="copy-line">
      <input id={id} className="copy-line__text" readOnly value={line} aria-label={label} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="button plan-button--small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(line);
            setState('copied');
          } catch {
            (document.getElementById(id) as HTMLInputElement | null)?.select();
            setState('select');
          }
        }}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {state === 'select' && <span className="muted">Selected: press Ctrl+C (⌘C) to copy.</span>}
    </div>
  );
}

/** Settings › Tracking: the MLflow-compatible API switch and the two lines a training script needs. */
export function TrackingCard() {
  const status = useRpcQuery('tracking.status', {});
  // The Privacy card lists the listeners (system.info): the switch makes it stale too (domains.ts).
  const set = useSubmit('tracking.setEnabled');
  const s = status.data;
  return (
    <section className="card tracking-card" aria-labelledby="tracking-title">
      <h2 id="tracking-title">Tracking</h2>
      <p className="muted">
        Training scripts that log with MLflow (mlflow.log_metric, autolog ...) can log to Tally instead, unchanged: Tally answers MLflow's tracking API on this computer
        only, and asks for a token.
      </p>
      <ErrorBanner error={status.error ?? set.error ?? null} />
      {!s ? (
        !status.error && <p className="muted">Checking…</p>
      ) : !s.available ? (
        <p>
          This window cannot open the tracking port. Start Tally with <code>tally serve --tracking-port 5000</code> to take MLflow runs.
        </p>
      ) : (
        <>
          <label className="checkbox tracking-card__switch">
            <input type="checkbox" role="switch" checked={s.enabled} disabled={set.busy} onChange={(e) => void set.submit({ enabled: e.target.checked })} />
            <span>
              MLflow-compatible tracking API: <strong data-testid="tracking-state">{s.enabled ? `on, at ${s.url}` : 'off'}</strong>
            </span>
          </label>
          {s.enabled ? (
            <>
              <p>Paste these two lines where your training script runs (a terminal, a notebook's environment, a job file):</p>
              {s.envLines.map((line) => (
                <CopyLine key={line} line={line} label={line.split('=')[0]!} />
              ))}
              <p className="muted">
                Tell Tally what a run used with run tags <code>tally.hardware</code> (a catalog id such as h100-sxm) and <code>tally.devices</code>, and it prices the run; runs
                without them show "hardware unknown" until you set it on the run's page. The token stays the same for this data folder (TALLY_TOKEN, when set, wins).
              </p>
            </>
          ) : (
            <p className="muted">Off: nothing listens for MLflow clients. Switch it on to get the address and token to paste.</p>
          )}
        </>
      )}
    </section>
  );
}
