import { describe, expect, it } from 'vitest';
import { canCompare, compareHint, defaultColumns, effectiveColumns, keysOfRows, MAX_COMPARE, nextSort, toggleColumn, toggleSelected } from './runs-ui';

const available = { params: ['batch', 'lr', 'optimizer', 'seed'], metrics: ['acc', 'f1', 'loss', 'val_acc', 'val_loss'], tags: ['team'] };

describe('column chooser state', () => {
  it('defaults to the first 4 metrics and 3 params, no tags', () => {
    expect(defaultColumns(available)).toEqual({ params: ['batch', 'lr', 'optimizer'], metrics: ['acc', 'f1', 'loss', 'val_acc'], tags: [] });
    expect(effectiveColumns(null, available)).toEqual(defaultColumns(available));
  });
  it('adds a key at the end and removes it again', () => {
    const base = defaultColumns(available);
    const added = toggleColumn(base, 'tags', 'team');
    expect(added.tags).toEqual(['team']);
    const removed = toggleColumn(toggleColumn(added, 'metrics', 'f1'), 'metrics', 'val_loss');
    expect(removed.metrics).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(base.tags).toEqual([]);
  });
  it('drops chosen keys no run has any more, but keeps the choice while keys load', () => {
    const chosen = { params: ['lr', 'gone'], metrics: ['loss'], tags: [] };
    expect(effectiveColumns(chosen, available)).toEqual({ params: ['lr'], metrics: ['loss'], tags: [] });
    expect(effectiveColumns(chosen, null)).toEqual(chosen);
  });
});

describe('keys before the full key list has loaded', () => {
  it('takes the union of the keys the loaded rows carry, without MLflow bookkeeping tags', () => {
    const rows: Array<{ params: Record<string, string>; metrics: Record<string, number>; tags: Record<string, string> }> = [
      { params: { lr: '1' }, metrics: { loss: 1 }, tags: { 'mlflow.user': 'ana', team: 'x' } },
      { params: { batch: '2' }, metrics: { acc: 1, loss: 2 }, tags: {} },
    ];
    expect(keysOfRows(rows)).toEqual({ params: ['batch', 'lr'], metrics: ['acc', 'loss'], tags: ['team'] });
  });
});

describe('sorting and picking runs to compare', () => {
  it('a new column sorts ascending; the same column flips', () => {
    const a = nextSort(null, 'attr:cost');
    expect(a).toEqual({ columnId: 'attr:cost', ascending: true });
    expect(nextSort(a, 'attr:cost')).toEqual({ columnId: 'attr:cost', ascending: false });
    expect(nextSort(a, 'metric:loss')).toEqual({ columnId: 'metric:loss', ascending: true });
  });
  it('allows 2 to 10 runs and refuses an 11th', () => {
    let picked: string[] = [];
    for (let i = 0; i < MAX_COMPARE; i++) picked = toggleSelected(picked, `r${i}`).selected;
    expect(canCompare(picked)).toBe(true);
    expect(toggleSelected(picked, 'r10')).toEqual({ selected: picked, refused: true });
    expect(toggleSelected(picked, 'r3').selected).toHaveLength(9);
    expect(canCompare(['r1'])).toBe(false);
    expect(compareHint(['r1'])).toBe('1 run picked: tick at least one more to compare.');
    expect(compareHint(['a', 'b', 'c'])).toBe('3 runs picked (at most 10).');
  });
});
