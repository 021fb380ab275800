import type { AppErrorData } from '../../../shared/domain/errors';

/**
 * A problem the user should know about, in plain words; the code is there for support. A tab the
 * restarted host no longer accepts is said once for the whole window (AccessLostBanner), not again
 * on every screen.
 */
export function ErrorBanner({ error }: { error: AppErrorData | null }) {
  if (!error || error.code === 'UNAUTHORIZED') return null;
  return (
    <div className="banner banner--error" role="alert">
      <strong>Something went wrong.</strong> {error.message} <span className="muted">({error.code})</span>
    </div>
  );
}
