import { ResponsiveBar } from '@nivo/bar';
import { formatCents, formatShare } from '../../../../shared/budget/spend/spend-format';
import { nivoTheme, useChartColors } from '../theme';

export interface CategoryDatum {
  [key: string]: string | number;
  category: string;
  spentCents: number;
  /** The amount and its share, written at the bar's end. */
  text: string;
}

const NAMES: Record<string, string> = { compute: 'Compute', api: 'API calls', storage: 'Storage', labelling: 'Labelling', other: 'Other' };

/** Spend by category, one horizontal bar each, the amount and its share written at the bar's end. */
export function CategoryBarChart({ data, currency }: { data: Array<{ category: string; spentCents: number; share: number | null }>; currency: string }) {
  const c = useChartColors();
  // nivo draws the first row at the bottom; reversed, the list reads top-down in category order.
  const rows: CategoryDatum[] = [...data].reverse().map((d) => ({ category: NAMES[d.category] ?? d.category, spentCents: d.spentCents, text: `${formatCents(d.spentCents, currency)}${d.share === null ? '' : ` (${formatShare(d.share)})`}` }));
  const max = Math.max(1, ...rows.map((d) => d.spentCents));
  return (
    <figure className="budget-chart" aria-label="Spend by category">
      <div className="budget-chart__box budget-chart__box--bars">
        <ResponsiveBar<CategoryDatum>
          data={rows}
          keys={['spentCents']}
          indexBy="category"
          layout="horizontal"
          margin={{ top: 4, right: 150, bottom: 4, left: 90 }}
          padding={0.35}
          valueScale={{ type: 'linear', min: Math.min(0, ...rows.map((d) => d.spentCents)), max }}
          colors={() => c.accent}
          theme={nivoTheme(c)}
          axisLeft={{ tickSize: 0, tickPadding: 8 }}
          axisBottom={null}
          enableGridX={false}
          enableGridY={false}
          enableLabel
          label={(d) => d.data.text}
          labelPosition="end"
          labelOffset={8}
          labelTextColor={c.text}
          tooltip={({ data: d }) => (
            <div className="plan-chart__tooltip">
              <strong>{d.category}</strong>: {d.text}
            </div>
          )}
          role="img"
          ariaLabel="Spend by category"
          animate={false}
        />
      </div>
    </figure>
  );
}
