/**
 * The "new monitor" form as data: a name, the reference (an evaluation, whose file and roles it
 * takes, or a data file of the project) and an optional folder to re-scan. Messages come from the
 * contract's schema. Pure.
 */
import { MonitorCreateInput } from '../../../../../shared/contract/monitors';

export interface MonitorForm {
  name: string;
  referenceKind: 'evaluation' | 'dataset';
  evaluationId: string;
  datasetId: string;
  folder: string;
}

export const emptyMonitorForm = (evaluationId = ''): MonitorForm => ({ name: '', referenceKind: 'evaluation', evaluationId, datasetId: '', folder: '' });

export type MonitorFormResult = { ok: true; input: MonitorCreateInput } | { ok: false; errors: Record<string, string> };

export function toMonitorInput(form: MonitorForm, projectId: string): MonitorFormResult {
  const errors: Record<string, string> = {};
  if (form.referenceKind === 'evaluation' && !form.evaluationId) errors.reference = 'Choose the evaluation whose data the batches are compared with';
  if (form.referenceKind === 'dataset' && !form.datasetId) errors.reference = 'Choose the data file the batches are compared with';
  const input: MonitorCreateInput = {
    projectId,
    name: form.name,
    reference: form.referenceKind === 'evaluation' ? { kind: 'evaluation', evaluationId: form.evaluationId } : { kind: 'dataset', datasetId: form.datasetId },
    ...(form.folder.trim() ? { folder: form.folder.trim() } : {}),
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
