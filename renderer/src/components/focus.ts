import { useCallback, useEffect, useRef, useState } from 'react';

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
      // Escape inside a modal dialog is the dialog's: it closes that, not a panel behind it.
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
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

/**
 * Panels and menus opened by a button in the page (the ledger's "Add an entry", a row's Edit
 * form, a column chooser), one open at a time, named by `K`. Escape closes the open one; however
 * it closes (Escape, Cancel, Save, its button again), focus goes back to the button that opened
 * it, found again by name, so a trigger drawn anew while its panel was open (a table row swapped
 * for its edit form) still gets it. Give each trigger `ref={popover.trigger(key)}`.
 */
export function usePopover<K extends string>() {
  const [open, setOpen] = useState<K | null>(null);
  const triggers = useRef(new Map<K, HTMLElement>());
  const shown = useRef<K | null>(null);
  const close = useCallback(() => setOpen(null), []);
  useEscape(open !== null, close);
  useEffect(() => {
    if (open !== null) {
      shown.current = open;
      return;
    }
    const was = shown.current;
    shown.current = null;
    if (was !== null) triggers.current.get(was)?.focus();
  }, [open]);
  const trigger = useCallback(
    (key: K) => (el: HTMLElement | null) => {
      if (el) triggers.current.set(key, el);
      else if (triggers.current.get(key)?.isConnected === false) triggers.current.delete(key);
    },
    [],
  );
  return {
    open,
    isOpen: (key: K) => open === key,
    show: (key: K) => setOpen(key),
    toggle: (key: K) => setOpen((o) => (o === key ? null : key)),
    close,
    trigger,
  };
}
