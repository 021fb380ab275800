import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../../../shared/contract/datasets';
import { guessColumns } from './column-guess';

const schema = (columns: DatasetSchema['columns']): DatasetSchema => ({ source: 'sniffed', columns, encoding: 'utf-8', delimiter: ',', hasHeader: true });

describe('guessColumns', () => {
  it('ranks usual names first and explains each guess', () => {
    const g = guessColumns(
      schema([
        { name: 'order_id', type: 'integer' },
        { name: 'created_at', type: 'datetime' },
        { name: 'amount', type: 'float' },
        { name: 'is_refunded', type: 'boolean' },
        { name: 'label', type: 'integer' },
      ]),
      null,
    );
    expect(g.columns).toEqual(['order_id', 'created_at', 'amount', 'is_refunded', 'label']);
    expect(g.target.map((x) => x.column)).toEqual(['label', 'is_refunded']);
    expect(g.id).toEqual([{ column: 'order_id', reason: 'its name ends in id or key' }]);
    expect(g.time).toEqual([{ column: 'created_at', reason: 'dates or times, with a time-like name' }]);
  });

  it('falls back to shapes: a last low-cardinality column, an all-distinct integer column, an untitled date column', () => {
    const base = { disguisedMissing: 0, distinctIsEstimate: false, topValuesAreEstimates: false, typeVotes: { integer: 0, float: 0, boolean: 0, datetime: 0, text: 0 }, topValues: [], otherCount: 0, disguisedTokens: [], numeric: null, textLength: null, timeRange: null, redacted: false };
    const g = guessColumns(schema([]), {
      file: 'x.csv',
      format: 'csv',
      encoding: 'utf-8',
      sizeBytes: 1,
      rows: 100,
      duplicateRows: 0,
      memoryBytes: 1,
      columns: [
        { ...base, name: 'n', type: 'integer', count: 100, missing: 0, distinct: 100 },
        { ...base, name: 'stamp', type: 'datetime', count: 100, missing: 0, distinct: 90 },
        { ...base, name: 'x', type: 'float', count: 100, missing: 0, distinct: 100 },
        { ...base, name: 'grade', type: 'categorical', count: 100, missing: 0, distinct: 3 },
      ],
    });
    expect(g.target).toEqual([{ column: 'grade', reason: 'the last column, with few distinct values' }]);
    expect(g.id.map((x) => x.column)).toEqual(['n']);
    expect(g.time.map((x) => x.column)).toEqual(['stamp']);
  });

  it('returns empty lists when nothing fits', () => {
    const g = guessColumns(schema([{ name: 'text', type: 'text' }]), null);
    expect(g).toEqual({ columns: ['text'], target: [], id: [], time: [] });
  });
});
