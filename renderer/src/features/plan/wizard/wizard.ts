import type { z } from 'zod';

/**
 * A wizard is data: its steps, its initial values, how form values become the contract input,
 * and which contract field each form field feeds. The functions below are pure (validate, next,
 * back) and the step components only render. Messages come from the contract's zod schema, the
 * same one the backend enforces, so the form and the server can never disagree.
 */
export type FormValues = Record<string, string>;
export type FieldErrors<V extends FormValues> = Partial<Record<keyof V & string, string>>;

export interface WizardStep<V extends FormValues> {
  id: string;
  /** The question, in plain words. */
  title: string;
  /** One line saying why we ask. */
  intro: string;
  fields: ReadonlyArray<keyof V & string>;
}

export interface WizardDefinition<V extends FormValues, I> {
  id: string;
  title: string;
  steps: ReadonlyArray<WizardStep<V>>;
  initial: V;
  /**
   * Form values -> the candidate contract input. Text that is not a number (a "7B" that does not
   * parse) is reported here, keyed by form field, because the schema never sees the raw text.
   */
  build(values: V): { candidate: unknown; errors: FieldErrors<V> };
  schema: z.ZodType<I, unknown>;
  /** Contract issue path ("options.owned.purchaseUsd") -> the form field that feeds it. */
  fieldOf(path: string): (keyof V & string) | undefined;
  /** Plain names of the form fields, used in place of the contract's field name in a message. */
  labels: Partial<Record<keyof V & string, string>>;
}

/**
 * "requestsPerDay must be greater than 0" -> "Requests per day must be greater than 0": the
 * schema's rule, with the name the owner sees on the form instead of the API field name.
 */
export function plainMessage(message: string, path: readonly PropertyKey[], label: string | undefined): string {
  const key = String(path[path.length - 1] ?? '');
  if (!label || !key) return message;
  // The contract names a field by its key or a dotted tail of its path ("model.params").
  const parts = path.map(String);
  for (let i = 0; i < parts.length; i += 1) {
    const prefix = parts.slice(i).join('.');
    if (message.startsWith(`${prefix} `)) return `${label}${message.slice(prefix.length)}`;
  }
  return message;
}

export interface WizardState {
  /** Index into steps; steps.length means the result page. */
  step: number;
}

/** Every problem with the values, keyed by form field: local parse errors first, then the schema's. */
export function validateAll<V extends FormValues, I>(def: WizardDefinition<V, I>, values: V): { ok: true; input: I } | { ok: false; errors: FieldErrors<V> } {
  const { candidate, errors } = def.build(values);
  const out: FieldErrors<V> = { ...errors };
  const parsed = def.schema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = def.fieldOf(issue.path.map(String).join('.'));
      if (field && !out[field]) out[field] = plainMessage(issue.message, issue.path, def.labels[field]);
    }
    // A schema problem no form field explains is still shown, on the last field of the wizard.
    if (Object.keys(out).length === 0) {
      const last = def.steps[def.steps.length - 1]?.fields.at(-1);
      if (last) out[last] = parsed.error.issues[0]?.message ?? 'These answers cannot be estimated';
    }
  }
  if (!parsed.success || Object.keys(out).length > 0) return { ok: false, errors: out };
  return { ok: true, input: parsed.data };
}

/** Errors that belong to one step only: later steps' blanks do not block an earlier step. */
export function validateStep<V extends FormValues, I>(def: WizardDefinition<V, I>, step: number, values: V): FieldErrors<V> {
  const fields = new Set<string>(def.steps[step]?.fields ?? []);
  const all = validateAll(def, values);
  if (all.ok) return {};
  const out: FieldErrors<V> = {};
  for (const [k, msg] of Object.entries(all.errors) as Array<[keyof V & string, string]>) if (fields.has(k)) out[k] = msg;
  return out;
}

export type NextResult<V extends FormValues, I> =
  | { kind: 'step'; state: WizardState }
  | { kind: 'done'; state: WizardState; input: I }
  | { kind: 'invalid'; state: WizardState; errors: FieldErrors<V> };

/**
 * Moves forward when the current step is valid; from the last step, only when the whole input
 * is valid (then the result page shows). Invalid: stays on the step that holds the first error.
 */
export function next<V extends FormValues, I>(def: WizardDefinition<V, I>, state: WizardState, values: V): NextResult<V, I> {
  const last = def.steps.length - 1;
  if (state.step < last) {
    const errors = validateStep(def, state.step, values);
    if (Object.keys(errors).length > 0) return { kind: 'invalid', state, errors };
    return { kind: 'step', state: { step: state.step + 1 } };
  }
  const all = validateAll(def, values);
  if (!all.ok) return { kind: 'invalid', state: { step: firstStepWithError(def, all.errors) ?? state.step }, errors: all.errors };
  return { kind: 'done', state: { step: def.steps.length }, input: all.input };
}

export function back(state: WizardState): WizardState {
  return { step: Math.max(0, state.step - 1) };
}

export function firstStepWithError<V extends FormValues, I>(def: WizardDefinition<V, I>, errors: FieldErrors<V>): number | null {
  const i = def.steps.findIndex((s) => s.fields.some((f) => errors[f]));
  return i < 0 ? null : i;
}

/** Values restored from a saved scenario: known fields only, strings only, defaults for the rest. */
export function restoreValues<V extends FormValues>(initial: V, saved: unknown): V {
  const out = { ...initial };
  if (typeof saved !== 'object' || saved === null) return out;
  for (const k of Object.keys(initial) as Array<keyof V & string>) {
    const v = (saved as Record<string, unknown>)[k];
    if (typeof v === 'string') out[k] = v as V[typeof k];
  }
  return out;
}
