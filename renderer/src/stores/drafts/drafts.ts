/**
 * Wizard drafts: the answers a person gave so far, kept so a reload or a trip to another page does
 * not lose them. Pure helpers; the store (drafts.store.ts) persists them in the window's storage.
 */

/** Raised when a wizard's state changes shape; drafts written under another version are dropped. */
export const DRAFTS_VERSION = 1;

/** Drafts older than this are forgotten: a half-filled form from last month is noise, not help. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export interface Draft {
  value: unknown;
  savedAt: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * True when `stored` has the shape of `initial`: every key of `initial` present with a value of
 * the same kind (string, number, boolean, array, object, recursively for objects) and no others;
 * a null in `initial` takes null or an object (the wizard's `accept` checks what is inside).
 * Storage is outside the app's control (another version wrote it, a person edited it), so a draft
 * that does not fit is dropped rather than trusted.
 */
export function sameShape(initial: unknown, stored: unknown): boolean {
  if (Array.isArray(initial)) return Array.isArray(stored);
  if (isRecord(initial)) {
    if (!isRecord(stored)) return false;
    const keys = Object.keys(initial);
    if (Object.keys(stored).some((k) => !keys.includes(k))) return false;
    return keys.every((k) => sameShape(initial[k], stored[k]));
  }
  // A field that starts empty (null) holds an object later, e.g. the guesses read from a file.
  if (initial === null) return stored === null || typeof stored === 'object';
  return typeof initial === typeof stored;
}

/**
 * The draft to resume with, or undefined: one that is too old, or does not have the shape of the
 * wizard's initial state, or that the wizard's own `accept` refuses.
 */
export function resumable<T>(initial: T, draft: Draft | undefined, now: Date, accept: (value: T) => boolean = () => true): T | undefined {
  if (!draft) return undefined;
  const age = now.getTime() - Date.parse(draft.savedAt);
  if (!Number.isFinite(age) || age > DRAFT_MAX_AGE_MS) return undefined;
  if (!sameShape(initial, draft.value)) return undefined;
  const value = draft.value as T;
  return accept(value) ? value : undefined;
}
