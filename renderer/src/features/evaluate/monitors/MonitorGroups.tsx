import type { MonitorDetail } from '../../../../../shared/contract/monitors';
import { EvalLineChart } from '../../../charts/evaluate/EvalLineChart';
import { formatMetric, metricWords } from '../metric-words';
import { groupRows, groupsNote, groupTicks, groupTimelines, latestWithGroups, type GroupRow } from './monitor-slices-view';

const STATUS: Record<GroupRow['status'], { text: string; tone: 'ok' | 'warn' | 'error' }> = {
  'fell-behind': { text: 'Fell behind', tone: 'error' },
  gone: { text: 'None in this batch', tone: 'warn' },
  'too-small': { text: 'Too few rows to judge', tone: 'warn' },
  new: { text: 'Not in the reference', tone: 'warn' },
  steady: { text: 'Keeps up', tone: 'ok' },
};

/**
 * A monitor's groups (its slice columns): the latest batch's groups next to the same groups of
 * the reference, and one chart per column with a line per group from the reference on.
 */
export function MonitorGroups({ monitor: m, ticks }: { monitor: MonitorDetail; ticks: Array<{ value: number; label: string }> }) {
  const latest = latestWithGroups(m.batches);
  const note = groupsNote(m);
  if (latest === null) {
    return note ? (
      <section className="card" aria-labelledby="groups-title">
        <h2 id="groups-title">Groups</h2>
        <p className="muted" data-testid="groups-note">
          {note}
        </p>
      </section>
    ) : null;
  }
  const headline = m.headlineMetric;
  const words = headline ? metricWords(headline) : null;
  const rows = groupRows(latest, headline);
  const timelines = groupTimelines(m.batches, headline);
  return (
    <section className="card" aria-labelledby="groups-title">
      <h2 id="groups-title">Groups</h2>
      <p className="muted">
        Each group in the latest batch with true answers ({latest.fileName}) next to the same group of the reference: how much of the data it is, and its result
        {words ? `, ${words.plain.toLowerCase()}: ${words.meaning}` : '.'} A group falls behind when its result drops more than {m.thresholds.metricDrop} below the reference group&apos;s, that much
        more than the whole batch, and by more than chance would explain (a test on both results&apos; 95% ranges).
      </p>
      {note && <p className="muted">{note}</p>}
      <div className="eval-table-scroll">
        <table className="eval-table" aria-label="Groups">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="eval-table__num">Rows</th>
              <th scope="col">Share of the rows (reference → now)</th>
              {words && <th scope="col">{words.plain} (reference → now)</th>}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-group={r.label} data-status={r.status}>
                <td>{r.label}</td>
                <td className="eval-table__num">{r.rows}</td>
                <td>{r.share}</td>
                {words && <td>{r.result}</td>}
                <td>
                  <span className={`badge badge--${STATUS[r.status].tone}`}>{STATUS[r.status].text}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {headline && words && timelines.length > 0 && (
        <div className="eval-charts">
          {timelines.map((t) => (
            <figure key={t.column} className="eval-figure" data-group-column={t.column}>
              <h3>
                {words.plain} by {t.column}
              </h3>
              <EvalLineChart
                label={`${words.plain} per group of ${t.column}, from the reference through each batch`}
                lines={t.lines}
                xLegend="reference, then batch"
                yLegend={words.plain.toLowerCase()}
                xDomain={[0, Math.max(2, m.batches.length)]}
                xTicks={groupTicks(ticks)}
                formatY={(v) => formatMetric(headline, v)}
                points
                legend
                size="small"
              />
              {t.hidden > 0 && <figcaption className="muted">{t.hidden} smaller groups are in the table only.</figcaption>}
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
