import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED, NOTIFIED_KEY, notificationOf, notifiedIds, toNotify, type IdStore } from './alert-notify';

function memory(initial?: string): IdStore & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[NOTIFIED_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const alert = (id: string) => ({ id, projectName: 'Vision', severity: 'warning' as const, message: 'You have spent $800 of your $1,000 budget (80%).' });

describe('notifying each budget alert once', () => {
  it('notifies only alerts whose id it has not notified before', () => {
    const first = toNotify([alert('p:budget-80:100000')], []);
    expect(first.fresh.map((a) => a.id)).toEqual(['p:budget-80:100000']);
    const again = toNotify([alert('p:budget-80:100000')], first.remember);
    expect(again.fresh).toEqual([]);
    const higher = toNotify([alert('p:budget-100:100000')], again.remember);
    expect(higher.fresh.map((a) => a.id)).toEqual(['p:budget-100:100000']);
    expect(higher.remember).toEqual(['p:budget-80:100000', 'p:budget-100:100000']);
  });

  it('forgets the oldest ids beyond its limit', () => {
    const many = Array.from({ length: MAX_REMEMBERED }, (_, i) => `id-${i}`);
    expect(toNotify([alert('new')], many).remember).toEqual([...many.slice(1), 'new']);
  });

  it('reads what it remembered, and shrugs off a damaged memory', () => {
    expect(notifiedIds(memory('["a","b"]'))).toEqual(['a', 'b']);
    expect(notifiedIds(memory('not json'))).toEqual([]);
    expect(notifiedIds(memory('{"a":1}'))).toEqual([]);
    expect(notifiedIds(memory())).toEqual([]);
  });

  it('titles the notification by severity and project, tagged with the alert id', () => {
    expect(notificationOf(alert('p:budget-80:100000'))).toEqual({ title: 'Budget warning: Vision', body: 'You have spent $800 of your $1,000 budget (80%).', tag: 'p:budget-80:100000' });
    expect(notificationOf({ ...alert('x'), severity: 'error' }).title).toBe('Budget exceeded: Vision');
  });
});
