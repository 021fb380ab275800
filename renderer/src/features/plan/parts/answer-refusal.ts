import type { AppErrorData } from '../../../../../shared/domain/errors';

/**
 * A refusal from the estimator in the words of the question that caused it. The estimator names
 * the contract field ("hardware Apple A17 Pro (phone) cannot hold this model ..."), right for the
 * CLI; on screen the field becomes the question's label ("Device: Apple A17 Pro ...").
 */
export function refusalInWords(error: AppErrorData | null, labels: Readonly<Record<string, string>>): AppErrorData | null {
  if (!error || error.code !== 'INVALID_INPUT') return error;
  const path = error.issues?.[0]?.path ?? error.location?.field;
  const label = path ? labels[path] : undefined;
  if (!path || !label) return error;
  const rest = error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message.startsWith(`${path} `) ? error.message.slice(path.length + 1) : error.message;
  return { ...error, message: `${label}: ${rest}` };
}
