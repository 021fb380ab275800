import type { ReactElement } from 'react';
import type { CheckRun } from '../../../../../shared/contract/checks';
import { formatCount, plural } from '../../../../../shared/quality/format';
import { DistributionPairChart, SharedOverlapChart } from '../../../charts/quality/ComparisonCharts';
import { overlapOfRun } from '../../../charts/quality/comparison-series';
import { ClassBalanceChart, DriftChart, MissingValuesChart } from '../../../charts/quality/QualityCharts';
import { Term } from '../../../components/Term';

/** The technical name stays in the glossary; the report's text says what it measures. */
const SHIFT_SCORE =
  'Shift score (PSI, population stability index): how far a column’s spread of values moved between the two files, summed over its value ranges. Credit-risk practice reads under 0.1 as stable and over 0.25 as a major shift.';

/** The report's charts, each only where it helps and each with a line saying how to read it. */
export function ReportCharts({ run }: { run: CheckRun }) {
  const p = run.profile;
  const hasGaps = p.columns.some((c) => c.missing + c.disguisedMissing > 0);
  const target = run.options.target ? p.columns.find((c) => c.name === run.options.target && !c.redacted) : undefined;
  const names = { checked: run.datasetName, reference: run.referenceName ?? 'reference' };
  const charts: ReactElement[] = [];
  if (hasGaps) {
    charts.push(
      <figure key="missing" className="card report-chart">
        <h3>Missing values per column</h3>
        <MissingValuesChart columns={p.columns} rows={p.rows} />
        <figcaption className="muted">Blue: empty cells. Orange: placeholders such as “NA” or “?”. Longer bars mean more rows the model cannot learn from.</figcaption>
      </figure>,
    );
  }
  if (run.referenceName !== null) {
    charts.push(
      <figure key="overlap" className="card report-chart">
        <h3>What the two files share</h3>
        <SharedOverlapChart overlap={overlapOfRun(run)} names={names} />
        <figcaption className="muted">
          Identical rows, and rows about the same entity (the same id), both let a model be tested on what it has already seen, so test scores look better than reality.
        </figcaption>
      </figure>,
    );
  }
  if (run.drift && run.drift.columns.length > 0) {
    charts.push(
      <figure key="drift" className="card report-chart">
        <h3>Change per column (drift)</h3>
        <DriftChart columns={run.drift.columns} />
        <figcaption className="muted">
          The <Term explain={SHIFT_SCORE}>shift score</Term> compares each column’s spread in the two files: under 0.1 stable (green), 0.1–0.25 moderate (orange), over 0.25 major
          (red).{' '}
          By the statistical test chosen for each column’s type, {formatCount(run.drift.driftedColumns)} of {plural(run.drift.columns.length, 'column')} drifted
          {run.drift.datasetDrift ? ', enough to call the whole dataset drifted.' : '.'}
        </figcaption>
      </figure>,
    );
  }
  if (target) {
    charts.push(
      <figure key="balance" className="card report-chart">
        <h3>Class balance of {target.name}</h3>
        <ClassBalanceChart target={target} />
        <figcaption className="muted">Share of rows per value of the target. A rare class is hard to learn and easy to miss.</figcaption>
      </figure>,
    );
  }
  if (charts.length === 0) return null;
  return (
    <>
      <div className="report-charts">{charts}</div>
      <ColumnsInBothFiles run={run} names={names} />
    </>
  );
}

/** Columns drawn with both files' values overlaid; changed ones open, the rest behind a toggle. */
const PAIRS_SHOWN = 6;

function ColumnsInBothFiles({ run, names }: { run: CheckRun; names: { checked: string; reference: string } }) {
  const pairs = run.distributions;
  if (pairs.length === 0) return null;
  const drifted = pairs.filter((p) => p.drifted);
  const first = (drifted.length > 0 ? drifted : pairs).slice(0, PAIRS_SHOWN);
  const rest = pairs.filter((p) => !first.includes(p));
  const figure = (p: (typeof pairs)[number]) => (
    <figure key={p.column} className="card report-chart">
      <h3>
        {p.column} {p.drifted && <span className="badge badge--warn">changed</span>}
      </h3>
      <DistributionPairChart pair={p} names={names} />
      <figcaption className="muted">
        Share of each file’s values {p.kind === 'numeric' ? 'in each range' : 'per value'}: where the two colours differ, the files differ.
        {p.fromSample ? ' Drawn from a random sample of each file’s values.' : ''}
      </figcaption>
    </figure>
  );
  return (
    <section className="card" aria-labelledby="both-files-title">
      <h2 id="both-files-title">Columns in both files</h2>
      <p className="muted">
        {drifted.length > 0
          ? `${plural(drifted.length, 'column')} ${drifted.length === 1 ? 'differs' : 'differ'} between ${names.reference} and ${names.checked}; each is drawn with both files on one axis.`
          : `No column differs enough to call it drift; the most changed are drawn with both files on one axis.`}
      </p>
      <div className="drift-columns">{first.map(figure)}</div>
      {rest.length > 0 && (
        <details>
          <summary>
            Show {plural(rest.length, 'more column')}
          </summary>
          <div className="drift-columns">{rest.map(figure)}</div>
        </details>
      )}
    </section>
  );
}
