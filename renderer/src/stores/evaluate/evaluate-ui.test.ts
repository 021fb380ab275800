import { describe, expect, it } from 'vitest';
import { canCompareEvaluations, compareEvaluationsHint, livePicks, toggleSelected } from './evaluate-ui';
import { pickedOf, useEvaluateUi } from './evaluate-ui.store';

describe('evaluations picked for comparison', () => {
  it('compares 2 to 10 and says what is missing', () => {
    expect(canCompareEvaluations(['a'])).toBe(false);
    expect(canCompareEvaluations(['a', 'b'])).toBe(true);
    expect(compareEvaluationsHint([], false)).toBe('Tick 2 to 10 evaluations to compare them.');
    expect(compareEvaluationsHint(['a'], false)).toBe('1 evaluation picked: tick at least one more to compare.');
    expect(compareEvaluationsHint(['a', 'b', 'c'], false)).toBe('3 evaluations picked (at most 10).');
    expect(compareEvaluationsHint(['a'], true)).toBe('At most 10 evaluations can be compared; untick one first.');
  });
  it('refuses an eleventh pick and forgets deleted evaluations', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `e${i}`);
    expect(toggleSelected(ten, 'e10')).toEqual({ selected: ten, refused: true });
    expect(livePicks(['e1', 'gone', 'e2'], ['e2', 'e1'])).toEqual(['e1', 'e2']);
  });
  it('keeps picks per project', () => {
    const s = useEvaluateUi.getState();
    expect(s.toggle('p1', 'a')).toBe(true);
    s.toggle('p1', 'b');
    s.toggle('p2', 'c');
    s.toggle('p1', 'a');
    expect(pickedOf(useEvaluateUi.getState(), 'p1')).toEqual(['b']);
    expect(pickedOf(useEvaluateUi.getState(), 'p2')).toEqual(['c']);
  });
});
