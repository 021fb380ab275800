import type { ReactElement } from 'react';
import type { CheckRun } from '../../../../../shared/contract/checks';
import { ClassBalanceChart, DriftChart, MissingValuesChart, OverlapChart } from '../../../charts/quality/QualityCharts';

/** The report's charts, each only where it helps and each with a line saying how to read it. */
export function ReportCharts({ run }: { run: CheckRun }) {
  const p = run.profile;
  const hasGaps = p.columns.some((c) => c.missing + c.disguisedMissing > 0);
  const target = run.options.target ? p.columns.find((c) => c.name === run.options.target && !c.redacted) : undefined;
  const overlap = run.findings.find((f) => f.id === 'train_test_overlap');
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
        <h3>Rows shared between the files</h3>
        <OverlapChart checkedRows={p.rows} overlapRows={overlap?.count ?? 0} names={names} />
        <figcaption className="muted">Rows of {names.checked} that also appear in {names.reference}. Shared rows make test scores look better than reality.</figcaption>
      </figure>,
    );
  }
  if (run.drift && run.drift.columns.length > 0) {
    charts.push(
      <figure key="drift" className="card report-chart">
        <h3>Change per column (drift)</h3>
        <DriftChart columns={run.drift.columns} />
        <figcaption className="muted">
          PSI compares each column’s spread in the two files: under 0.1 stable (green), 0.1–0.25 moderate (orange), over 0.25 major (red).{' '}
          By the statistical test chosen for each column’s type, {run.drift.driftedColumns} of {run.drift.columns.length} columns drifted
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
  return <div className="report-charts">{charts}</div>;
}
