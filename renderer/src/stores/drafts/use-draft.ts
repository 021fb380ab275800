import { useCallback, useState, type SetStateAction } from 'react';
import { resumable } from './drafts';
import { useDrafts } from './drafts.store';

/**
 * useState whose value is also kept as a draft under `key`, so a wizard's answers survive a
 * reload or a visit to another page. It resumes from the draft when one fits `initial`'s shape
 * (and `accept`), and `discard` forgets it (call it when the wizard is finished or cancelled).
 */
export function useDraft<T>(key: string, initial: T, accept?: (value: T) => boolean): { value: T; set(next: SetStateAction<T>): void; discard(): void; resumed: boolean } {
  const [start] = useState(() => {
    const found = resumable(initial, useDrafts.getState().drafts[key], new Date(), accept);
    return { value: found ?? initial, resumed: found !== undefined };
  });
  const [value, setValue] = useState<T>(start.value);
  const set = useCallback(
    (next: SetStateAction<T>) => {
      setValue((cur) => {
        const v = typeof next === 'function' ? (next as (c: T) => T)(cur) : next;
        useDrafts.getState().put(key, v);
        return v;
      });
    },
    [key],
  );
  const discard = useCallback(() => useDrafts.getState().drop(key), [key]);
  return { value, set, discard, resumed: start.resumed };
}
