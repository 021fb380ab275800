import type { AppErrorData } from '../../../shared/domain/errors';
import { fieldOfPath } from '../../../shared/domain/field-labels';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A refusal from the backend placed on a form: each INVALID_INPUT issue goes next to the form's
 * own field for it (`fieldOf` maps the contract's field name, wherever it sits in the input, e.g.
 * "patch.usdRate", to the form's field), and `rest` is the error when none of its issues has a
 * place on this form, for a banner above it. The banner's message names the field in plain words.
 */
export function serverFieldErrors<F extends string>(error: AppErrorData | null | undefined, fieldOf: Readonly<Record<string, F>>): { fields: Partial<Record<F, string>>; rest: AppErrorData | null } {
  const fields: Partial<Record<F, string>> = {};
  if (!error) return { fields, rest: null };
  if (error.code === 'INVALID_INPUT') {
    for (const issue of error.issues ?? []) {
      const field = fieldOf[fieldOfPath(issue.path)];
      if (field && !fields[field]) fields[field] = capitalize(issue.message);
    }
  }
  return { fields, rest: Object.keys(fields).length > 0 ? null : error };
}
