import { useEffect, useRef } from 'react';

/**
 * Keyboard and focus habits every dialog, popover and wizard shares: Escape closes what is open,
 * focus returns to what opened it, and a new wizard step puts focus on its heading so a screen
 * reader announces the question and Tab starts from it.
 */

/** While `open`, Escape anywhere calls `close` (popovers; native modal dialogs get it from the platform). */
export function useEscape(open: boolean, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
}

/**
 * Remembers what had focus when `open` became true and gives focus back to it when `open` turns
 * false or the component goes away, if it is still on the page.
 */
export function useReturnFocus(open: boolean): void {
  const trigger = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      const t = trigger.current;
      trigger.current = null;
      // After the dialog's own close: the platform may move focus first.
      if (t && t.isConnected) queueMicrotask(() => t.focus());
    };
  }, [open]);
}

/**
 * A ref for a step's heading that takes focus whenever `step` changes (not on first render, so a
 * page that opens does not steal focus from the address bar or the nav link).
 */
export function useStepFocus<T extends HTMLElement>(step: string | number) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}
