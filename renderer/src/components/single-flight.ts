import { useEffect, useRef, useState } from 'react';

/**
 * One save at a time: while a call is in flight, further calls are dropped (they resolve to
 * undefined at once). A double click reaches the handler twice before React has re-rendered the
 * button as disabled, so `disabled` alone lets two saves through; this guard does not.
 */
export function singleFlight<A extends unknown[], R>(fn: (...args: A) => Promise<R>): { run(...args: A): Promise<R | undefined>; busy(): boolean } {
  let inFlight = false;
  return {
    async run(...args) {
      if (inFlight) return undefined;
      inFlight = true;
      try {
        return await fn(...args);
      } finally {
        inFlight = false;
      }
    },
    busy: () => inFlight,
  };
}

/** singleFlight for a component: `busy` re-renders the button disabled, `run` drops repeats at once. */
export function useSingleFlight<A extends unknown[], R>(fn: (...args: A) => Promise<R>): { run(...args: A): Promise<R | undefined>; busy: boolean } {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  const [busy, setBusy] = useState(false);
  // One guard for the component's life: created once, it reads the latest `fn` when called.
  const [guard] = useState(() =>
    singleFlight<A, R>(async (...args) => {
      setBusy(true);
      try {
        return await latest.current(...args);
      } finally {
        setBusy(false);
      }
    }),
  );
  return { run: guard.run, busy };
}
