import type { AppErrorData } from '../../../../../shared/domain/errors';

/**
 * A refusal from the estimator, in the words of the Plan screens. The backend leads its messages
 * with the contract path ("options.owned.hardwareId: NVIDIA Jetson ... does not fit"), which is
 * right for the CLI and the API but is an internal name on screen: the path becomes the name of
 * the question it belongs to, or plain words when no question claims it.
 */
const PLACES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(workload\.)?options\.owned\b/, 'Your own device'],
  [/^(workload\.)?options\.cloudGpu\b/, 'Rented cloud GPU'],
  [/^(workload\.)?options\.api\b/, 'Cloud AI service'],
  [/^(input\.)?owned\.electricityUsdPerKwh$/, 'Electricity price'],
  [/^(input\.)?owned\.purchaseUsd$/, 'Price of one GPU'],
  [/^(input\.)?owned\.writeOffMonths$/, 'Write-off period'],
  [/^(input\.)?(hardware|target\.hardware)$/, 'Hardware'],
  [/^(input\.)?(pricePerGpuHourUsd|pricePerDeviceHourUsd)$/, 'Price per GPU-hour'],
  [/^(input\.)?(gpus|target\.devices)$/, 'Number of GPUs'],
];

const PATH = /^([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*):? /;

function words(path: string): string {
  const last = path.split('.').pop() ?? path;
  const w = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
}

export function planErrorMessage(message: string): string {
  const m = PATH.exec(message);
  const path = m?.[1];
  if (!m || !path) return message;
  // A known path, or one that can only be a contract path (dotted or camelCase); never an ordinary first word.
  const place = PLACES.find(([re]) => re.test(path))?.[1] ?? (path.includes('.') || /[A-Z]/.test(path) ? words(path) : null);
  return place === null ? message : `${place}: ${message.slice(m[0].length)}`;
}

export function planError(error: AppErrorData | null): AppErrorData | null {
  return error && { ...error, message: planErrorMessage(error.message) };
}
