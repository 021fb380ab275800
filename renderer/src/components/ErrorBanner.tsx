import type { AppErrorData } from '../../../shared/domain/errors';

/** A problem the user should know about, in plain words; the code is there for support. */
export function ErrorBanner({ error }: { error: AppErrorData | null }) {
  if (!error) return null;
  return (
    <div className="banner banner--error" role="alert">
      <strong>Something went wrong.</strong> {error.message} <span className="muted">({error.code})</span>
    </div>
  );
}
