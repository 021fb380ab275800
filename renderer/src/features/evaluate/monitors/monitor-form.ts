/**
 * The "new monitor" form as data: a name, the reference (an evaluation, whose file and roles it
 * takes, or a data file of the project), the groups to follow and an optional folder to re-scan.
 * Messages come from the contract's schema. Pure.
 */
import { MonitorCreateInput, type MonitorSliceChoices } from '../../../../../shared/contract/monitors';

export interface MonitorForm {
  name: string;
  referenceKind: 'evaluation' | 'dataset';
  evaluationId: string;
  datasetId: string;
  folder: string;
  /** The slice columns ticked; null until the user changes them: the reference evaluation's then. */
  slices: string[] | null;
}

export const emptyMonitorForm = (evaluationId = ''): MonitorForm => ({ name: '', referenceKind: 'evaluation', evaluationId, datasetId: '', folder: '', slices: null });

export type MonitorFormResult = { ok: true; input: MonitorCreateInput } | { ok: false; errors: Record<string, string> };

/** The columns ticked: the user's, or what the reference evaluation follows until they change it. */
export function chosenSlices(form: MonitorForm, followed: readonly string[]): string[] {
  return form.slices ?? [...followed];
}

/** Ticks or unticks one column, keeping the order the picker lists them in. */
export function toggleMonitorSlice(form: MonitorForm, followed: readonly string[], column: string, order: readonly string[]): MonitorForm {
  const now = chosenSlices(form, followed);
  const next = now.includes(column) ? now.filter((c) => c !== column) : [...now, column];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return { ...form, slices: next.sort((a, b) => rank(a) - rank(b)) };
}

/** The reference picked so far, or null while none is. */
export function chosenReference(form: MonitorForm): MonitorCreateInput['reference'] | null {
  if (form.referenceKind === 'evaluation') return form.evaluationId ? { kind: 'evaluation', evaluationId: form.evaluationId } : null;
  return form.datasetId ? { kind: 'dataset', datasetId: form.datasetId } : null;
}

/** Another evaluation has other columns: its own slice columns are ticked again. */
export function chooseEvaluation(form: MonitorForm, evaluationId: string): MonitorForm {
  return { ...form, evaluationId, slices: null };
}

/** More columns than this and only the suggested and ticked ones are listed until "show all". */
export const SLICE_COLUMNS_SHOWN = 12;

/** The columns the picker lists (file order) and how many more "show all" would add. */
export function shownSliceColumns(choices: MonitorSliceChoices, ticked: readonly string[], all: boolean): { columns: MonitorSliceChoices['columns']; more: number } {
  if (all || choices.columns.length <= SLICE_COLUMNS_SHOWN) return { columns: choices.columns, more: 0 };
  const columns = choices.columns.filter((c) => c.suggested !== null || ticked.includes(c.name));
  return { columns, more: choices.columns.length - columns.length };
}

/** The message key each part of the form answers to. */
const FIELD: Record<keyof MonitorForm, string> = { name: 'name', referenceKind: 'reference', evaluationId: 'reference', datasetId: 'reference', folder: 'folder', slices: 'slices' };

/** A field's message goes once the user edits it: it was about the value they just changed. */
export function errorsAfterEdit(errors: Record<string, string>, before: MonitorForm, after: MonitorForm): Record<string, string> {
  const out = { ...errors };
  for (const k of Object.keys(FIELD) as Array<keyof MonitorForm>) if (before[k] !== after[k]) delete out[FIELD[k]];
  return out;
}

export function toMonitorInput(form: MonitorForm, projectId: string): MonitorFormResult {
  const errors: Record<string, string> = {};
  if (form.referenceKind === 'evaluation' && !form.evaluationId) errors.reference = 'Choose the evaluation whose data the batches are compared with';
  if (form.referenceKind === 'dataset' && !form.datasetId) errors.reference = 'Choose the data file the batches are compared with';
  const input: MonitorCreateInput = {
    projectId,
    name: form.name,
    reference: form.referenceKind === 'evaluation' ? { kind: 'evaluation', evaluationId: form.evaluationId } : { kind: 'dataset', datasetId: form.datasetId },
    ...(form.folder.trim() ? { folder: form.folder.trim() } : {}),
    // Untouched, the monitor follows what the evaluation follows; a data file has no groups to follow.
    ...(form.referenceKind === 'evaluation' && form.slices !== null ? { slices: form.slices } : {}),
  };
  const r = MonitorCreateInput.safeParse(input);
  if (!r.success) {
    for (const i of r.error.issues) {
      const key = i.path[0] === 'reference' ? 'reference' : String(i.path[0] ?? 'request');
      errors[key] ??= i.message;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input };
}
