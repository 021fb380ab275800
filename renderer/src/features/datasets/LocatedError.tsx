import type { AppErrorData } from '../../../../shared/domain/errors';

/** Where in the file a problem is, in words: "train.csv, line 7, column 3". */
export function locationText(location: AppErrorData['location']): string | null {
  if (!location?.file && location?.line == null) return null;
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.line != null) parts.push(`line ${location.line}`);
  if (location.column != null) parts.push(`column ${location.column}`);
  return parts.join(', ');
}

/** A data-file problem: the message, then exactly where it is, then the code for support. */
export function LocatedError({ error, title = 'Tally could not use this file.' }: { error: AppErrorData | null; title?: string }) {
  if (!error) return null;
  const where = locationText(error.location);
  return (
    <div className="banner banner--error" role="alert">
      <strong>{title}</strong> {error.message}
      {where && (
        <p className="located-error__where">
          Where: <code>{where}</code>
        </p>
      )}
      <span className="muted"> ({error.code})</span>
    </div>
  );
}
