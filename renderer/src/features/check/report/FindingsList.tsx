import type { Finding } from '../../../../../shared/contract/checks';
import { formatShare } from '../../../../../shared/quality/format';
import { checkTitle, findingColumns, groupFindings } from '../../../stores/checks/checks.selectors';
import { columnAnchorId } from '../../../stores/datasets/datasets.selectors';
import { plainSentence } from '../../../components/plain-text';

/** Open a column card of the report and bring it into view (hash routes own the URL fragment). */
export function openColumnCard(column: string): void {
  const el = document.getElementById(columnAnchorId(column));
  if (!(el instanceof HTMLDetailsElement)) return;
  el.open = true;
  el.scrollIntoView({ block: 'start' });
  el.querySelector('summary')?.focus();
}

const TONE = { error: 'error', warning: 'warn', info: 'neutral' } as const;

/** Findings grouped by severity, each with what was found, what to do, and links to its columns. */
export function FindingsList({ findings, knownColumns }: { findings: Finding[]; knownColumns: string[] }) {
  const groups = groupFindings(findings);
  if (groups.length === 0) return <p className="muted">No findings: every check passed.</p>;
  return (
    <div className="findings">
      {groups.map((g) => (
        <section key={g.severity} className={`findings__group findings__group--${g.severity}`} aria-labelledby={`findings-${g.severity}`}>
          <h3 id={`findings-${g.severity}`}>
            {g.title} <span className={`badge badge--${TONE[g.severity]}`}>{g.findings.length}</span>
          </h3>
          <p className="muted">{g.meaning}</p>
          <ul className="finding-list">
            {g.findings.map((f, i) => {
              const cols = findingColumns(f).filter((c) => knownColumns.includes(c));
              return (
                <li key={`${f.id}-${i}`} className="finding" data-check-id={f.id}>
                  <div className="finding__head">
                    <span className="finding__title">{checkTitle(f.id)}</span>
                    <code className="finding__id">{f.id}</code>
                    {f.share !== undefined && <span className="muted">{formatShare(f.share)} affected</span>}
                  </div>
                  <p className="finding__message">{plainSentence(f.message)}</p>
                  <p className="finding__advice">
                    <strong>What to do:</strong> {f.advice}
                  </p>
                  {cols.length > 0 && (
                    <p className="finding__columns">
                      {cols.length === 1 ? 'Column: ' : 'Columns: '}
                      {cols.map((c) => (
                        <button key={c} type="button" className="link-button" onClick={() => openColumnCard(c)}>
                          {c}
                        </button>
                      ))}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
