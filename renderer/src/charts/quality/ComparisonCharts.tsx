/** The two-file charts of a comparison report: what the files share, and a column in both files. */
import type { DistributionPair, FileOverlap } from '../../../../shared/contract/checks';
import { formatShare } from '../../../../shared/quality/format';
import { QualityBar } from './QualityBar';
import { overlapView, pairSeries, seriesNames } from './comparison-series';
import './comparison.css';

export function SharedOverlapChart({ overlap, names }: { overlap: FileOverlap; names: { checked: string; reference: string } }) {
  const v = overlapView(overlap, names);
  const data = [...v.bars].reverse();
  return (
    <>
      <QualityBar
        data={data}
        indexBy="label"
        keys={['share']}
        layout="horizontal"
        label={`Share of ${names.checked} rows shared with ${names.reference}: identical rows${overlap.ids ? ` and rows with the same ${overlap.ids.column}` : ''}`}
        size="small"
        valueFormat={formatShare}
        valueLegend={`share of ${names.checked} rows`}
        minMax={0.1}
        labelWidth={150}
        color={(d, c) => (Number(d.data.count) > 0 ? c.danger : c.ok)}
      />
      <p className="comparison-sentence">{v.sentence}</p>
    </>
  );
}

/** One column's distribution in both files, as grouped bars on one axis with a labelled key. */
export function DistributionPairChart({ pair, names }: { pair: DistributionPair; names: { checked: string; reference: string } }) {
  const keys = seriesNames(names);
  const data = pairSeries(pair, keys);
  const what = pair.kind === 'numeric' ? 'range of values' : 'value';
  return (
    <div className="distribution-pair">
      <ul className="distribution-pair__key" aria-label={`Key for ${pair.column}`}>
        <li>
          <span className="distribution-pair__swatch distribution-pair__swatch--reference" aria-hidden="true" />
          {keys.reference}
        </li>
        <li>
          <span className="distribution-pair__swatch distribution-pair__swatch--checked" aria-hidden="true" />
          {keys.checked}
        </li>
      </ul>
      <QualityBar
        data={data}
        indexBy="bin"
        keys={[keys.reference, keys.checked]}
        label={`${pair.column} in both files: share of each file's values per ${what}, ${keys.reference} beside ${keys.checked}`}
        size="medium"
        valueFormat={formatShare}
        color={(d, c) => (d.id === keys.reference ? c.accent : c.series[1]!)}
      />
    </div>
  );
}
