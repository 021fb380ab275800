/** The specific charts of the profile and the report, each fed by a series from quality-series.ts. */
import type { Histogram, ValueCount } from '../../../../shared/quality/check-input';
import { formatShare } from '../../../../shared/quality/format';
import { QualityBar } from './QualityBar';
import { classBalanceSeries, driftSeries, histogramSeries, missingSeries, topValuesSeries, type GapCounts, type PsiOfColumn, type ValueCounts } from './quality-series';

const count = (v: number) => Math.round(v).toLocaleString('en-US');

export function HistogramChart({ histogram, kind, column }: { histogram: Histogram; kind: 'number' | 'datetime'; column: string }) {
  return <QualityBar data={histogramSeries(histogram, kind)} indexBy="bin" keys={['count']} label={`How the values of ${column} are spread`} size="small" valueFormat={count} />;
}

export function TopValuesChart({ top, otherCount, column }: { top: readonly ValueCount[]; otherCount: number; column: string }) {
  const data = topValuesSeries(top, otherCount, 6).reverse();
  return (
    <QualityBar
      data={data}
      indexBy="bin"
      keys={['count']}
      layout="horizontal"
      label={`Most frequent values of ${column}`}
      size={data.length > 4 ? 'medium' : 'small'}
      valueFormat={count}
      labelWidth={110}
    />
  );
}

export function MissingValuesChart({ columns, rows }: { columns: readonly GapCounts[]; rows: number }) {
  const data = missingSeries(columns, rows).reverse();
  if (data.length === 0) return null;
  return (
    <QualityBar
      data={data}
      indexBy="column"
      keys={['missing', 'placeholder']}
      stacked
      layout="horizontal"
      label="Share of rows with no value, per column"
      size={data.length > 6 ? 'tall' : 'medium'}
      valueFormat={formatShare}
      valueLegend="share of rows (empty, or a placeholder such as NA)"
      color={(d, c) => (d.id === 'missing' ? c.accent : c.warn)}
    />
  );
}

export function DriftChart({ columns }: { columns: readonly PsiOfColumn[] }) {
  const data = driftSeries(columns).reverse();
  if (data.length === 0) return null;
  return (
    <QualityBar
      data={data}
      indexBy="column"
      keys={['psi']}
      layout="horizontal"
      label="How much each column changed between the two files (shift score)"
      size={data.length > 6 ? 'tall' : 'medium'}
      valueFormat={(v) => v.toFixed(2)}
      valueLegend="shift score (see below)"
      minMax={0.3}
      markers={[
        { value: 0.1, legend: 'moderate', tone: 'warn' },
        { value: 0.25, legend: 'major', tone: 'danger' },
      ]}
      color={(d, c) => (d.data.band === 'major' ? c.danger : d.data.band === 'moderate' ? c.warn : c.ok)}
    />
  );
}

export function ClassBalanceChart({ target }: { target: ValueCounts }) {
  const data = classBalanceSeries(target).reverse();
  return (
    <QualityBar
      data={data}
      indexBy="label"
      keys={['share']}
      layout="horizontal"
      label={`Share of rows per value of the target ${target.name}`}
      size={data.length > 4 ? 'medium' : 'small'}
      valueFormat={formatShare}
      valueLegend="share of rows"
    />
  );
}
