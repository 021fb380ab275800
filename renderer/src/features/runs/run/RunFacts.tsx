import type { RunDetail } from '../../../../../shared/contract/runs';

function KeyValues({ title, entries, empty }: { title: string; entries: Array<[string, string]>; empty: string }) {
  const id = `run-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({entries.length})</span>
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="kv">
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Params, tags and the datasets the run read. */
export function RunFacts({ run }: { run: RunDetail }) {
  const tags = Object.entries(run.tags).filter(([k]) => !k.startsWith('mlflow.'));
  return (
    <div className="run-columns">
      <KeyValues title="Parameters" entries={Object.entries(run.params).sort(([a], [b]) => a.localeCompare(b))} empty="No parameters logged." />
      <KeyValues title="Tags" entries={tags.sort(([a], [b]) => a.localeCompare(b))} empty="No tags." />
      <KeyValues
        title="Datasets"
        entries={run.inputs.map((d) => [d.name, [d.context && `used for ${d.context}`, d.source && `from ${d.source}`, d.digest && `digest ${d.digest}`].filter(Boolean).join('; ') || 'no details'])}
        empty="The client logged no dataset inputs."
      />
    </div>
  );
}
