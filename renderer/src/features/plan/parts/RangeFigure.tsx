import type { ReactNode } from 'react';
import { rangeText } from './answer-format';

/**
 * One headline figure of a Plan answer: the best guess, the likely range under it (left out when
 * both ends read the same, or when the figure has none) and one line saying what it means.
 */
export function RangeFigure({ label, value, low, high, meaning, term }: { label: string; value: string; low?: string; high?: string; meaning: ReactNode; term?: ReactNode }) {
  const range = low !== undefined && high !== undefined ? rangeText(low, high) : null;
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      {range && (
        <div className="plan-stat__range">
          likely {range} {term}
        </div>
      )}
      <div className="stat__meaning">{meaning}</div>
    </div>
  );
}
