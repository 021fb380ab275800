import { describe, expect, it } from 'vitest';
import { baselineText, beatsBaseline, formatInterval, formatMetric, glossary } from '../metric-words';
import { binaryResult, slice } from '../result.fixture';
import { confusionView, gateWords, metricCards, sliceRows, verdictFacts, verdictSentence } from './evaluation-view';

describe('metric words', () => {
  it('writes shares with two decimals, other numbers with three significant figures', () => {
    expect(formatMetric('recall', 0.96938)).toBe('0.97');
    expect(formatMetric('mae', 1234.567)).toBe('1,230');
    expect(formatMetric('logLoss', 0.18713)).toBe('0.187');
    expect(formatMetric('f1', null)).toBe('n/a');
    expect(formatInterval('f1', { low: 0.937, high: 0.9699, method: 'bootstrap' })).toBe('0.94–0.97');
  });
  it('says what a model without skill would get, in the words of each metric', () => {
    expect(baselineText('rocAuc', 0.5, 'binary')).toBe('Random guessing would get 0.50');
    expect(baselineText('accuracy', 0.6325, 'binary')).toBe('Always giving the most common answer would get 0.63');
    expect(baselineText('mae', 7.51, 'regression')).toBe('Always predicting the average would get 7.51');
    expect(baselineText('f1', null, 'binary')).toBeNull();
    // Always stating the overall rate is perfectly honest and useless: honesty has no baseline.
    expect(baselineText('ece', 0, 'binary')).toBeNull();
  });
  it('calls a value better than the baseline only when its interval clears it', () => {
    expect(beatsBaseline('rocAuc', 0.6, 0.5, { low: 0.55, high: 0.65, method: 'bootstrap' })).toBe('better');
    expect(beatsBaseline('rocAuc', 0.52, 0.5, { low: 0.47, high: 0.57, method: 'bootstrap' })).toBe('not-clearly');
    expect(beatsBaseline('logLoss', 0.7, 0.6)).toBe('worse');
    expect(beatsBaseline('logLoss', 0.3, 0.6)).toBe('better');
  });
  it('keeps the technical names for the glossary', () => {
    expect(glossary(['rocAuc', 'ece', 'unknown'])).toEqual([
      { plain: 'How well it ranks', technical: 'ROC AUC' },
      { plain: 'How honest its confidence is', technical: 'expected calibration error (ECE, 10 bins)' },
    ]);
  });
});

describe('the evaluation page in words', () => {
  it('headline cards carry value, interval, baseline and no jargon in their plain name', () => {
    const cards = metricCards(binaryResult());
    expect(cards.map((c) => c.key)).toEqual(['recall', 'precision', 'f1', 'rocAuc', 'accuracy', 'ece']);
    const rank = cards.find((c) => c.key === 'rocAuc')!;
    expect(rank).toMatchObject({ plain: 'How well it ranks', value: '0.93', interval: '0.91–0.95', baseline: 'Random guessing would get 0.50', versusBaseline: 'better' });
    for (const c of cards) expect(c.plain).not.toMatch(/AUC|ECE|PSI/);
  });
  it('a metric that could not be computed says why', () => {
    const r = binaryResult();
    r.metrics.rocAuc = null;
    r.reasons.rocAuc = 'Only one class is present, so ranking cannot be judged.';
    expect(metricCards(r).find((c) => c.key === 'rocAuc')).toMatchObject({ value: 'n/a', reason: 'Only one class is present, so ranking cannot be judged.' });
  });
  it('the verdict sentence names recall, precision, ranking, the worse slice and the gates', () => {
    const r = binaryResult({
      slices: [slice({ value: 'north', verdict: 'not-worse' }), slice({ value: 'west', verdict: 'significantly-worse' })],
      gates: [
        { expression: 'f1>=0.8', passed: false, actual: 0.7742, bound: 0.8, slice: null, message: '' },
        { expression: 'recall>=0.7', passed: true, actual: 0.75, bound: 0.7, slice: null, message: '' },
      ],
    });
    expect(verdictSentence(r)).toBe(
      'It finds 75% of the "1" cases, and 80% of the rows it flags are right. It ranks cases much better than random guessing (0.93 against 0.50). It does significantly worse on region = west. 1 of 2 gates failed: f1>=0.8.',
    );
  });
  it('the facts under the verdict give Tally\'s reasons only where it decided', () => {
    expect(verdictFacts(binaryResult())).toBe('Kind of question: yes / no. "1" counts as yes. A row is flagged when its score is 0.5 or more.');
    expect(verdictFacts(binaryResult({ taskReason: 'one score column means a binary classifier', positiveLabelReason: '1 is the usual positive label' }))).toBe(
      'Kind of question: yes / no (one score column means a binary classifier). "1" counts as yes (1 is the usual positive label). A row is flagged when its score is 0.5 or more.',
    );
  });
  it('gates in one line', () => {
    expect(gateWords([])).toBeNull();
    expect(gateWords([{ expression: 'f1>=0.8', passed: true, actual: 0.9, bound: 0.8, slice: null, message: '' }])).toBe('Its one gate passed.');
  });
  it('lists slices worst first, with too-small ones last and flagged', () => {
    const rows = sliceRows([
      slice({ value: 'tiny', verdict: 'too-small', n: 12 }),
      slice({ value: 'north', verdict: 'not-worse' }),
      slice({ value: 'east', verdict: 'worse-not-significant' }),
      slice({ value: 'west', verdict: 'significantly-worse', metrics: { f1: 0.83 }, ci: { f1: { low: 0.77, high: 0.88, method: 'bootstrap' } } }),
    ]);
    expect(rows.map((r) => r.group)).toEqual(['region: west', 'region: east', 'region: north', 'region: tiny']);
    expect(rows[0]).toMatchObject({ value: '0.83', interval: '0.77–0.88', metric: 'Balance of flags and finds', badge: { text: 'Significantly worse', tone: 'error' } });
    expect(rows[3]!.badge.text).toBe('Too small to judge');
  });
  it('names the four cells of a binary confusion matrix', () => {
    const v = confusionView(binaryResult())!;
    expect(v.rows.map((r) => r.cells.map((c) => `${c.words}:${c.count}`))).toEqual([
      ['correctly left alone:540', 'false alarm:20'],
      ['missed:60', 'caught:180'],
    ]);
    expect(v.rows[1]!.cells[1]!.share).toBeCloseTo(180 / 800, 12);
  });
});
