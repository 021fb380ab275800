/**
 * The evaluation wizard as data plus pure step functions: choose the predictions file, confirm
 * the guessed roles, set the options (threshold, what mistakes cost, gates, links), then run.
 * The components render `state` and call these; every rule is here and unit-tested, and the
 * messages come from the contract's zod schemas (and the gate parser the backend uses).
 */
import type { EvaluationTask } from '../../../../../shared/contract/evaluation-result';
import { EvaluationStartInput, PredictionRoles, RoleGuesses } from '../../../../../shared/contract/evaluations';
import { parseGate } from '../../../../../shared/evaluation/gates';
import { parseMoney } from '../money-input';

export const STEPS = [
  { id: 'file', title: 'Predictions file' },
  { id: 'roles', title: 'Which column is which' },
  { id: 'options', title: 'Costs, gates and links' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

export type OutputKind = 'score' | 'probabilities' | 'prediction';

export interface RoleChoice {
  label: string;
  output: OutputKind;
  score: string;
  probabilityPrefix: string;
  prediction: string;
  weight: string;
  slices: string[];
  time: string;
  trainFlag: string;
}

export interface EvalWizardState {
  step: StepId;
  path: string;
  name: string;
  /** What the backend guessed for this file (columns, reasons); null until the file step is passed. */
  guesses: RoleGuesses | null;
  roles: RoleChoice;
  /** '' lets Tally decide from the columns. */
  task: '' | EvaluationTask;
  positiveLabel: string;
  threshold: string;
  /** What one false positive / false negative costs, as typed, in the project's currency. */
  costFalsePositive: string;
  costFalseNegative: string;
  /** One condition per line, e.g. f1>=0.8. */
  gates: string;
  runId: string;
  datasetId: string;
}

export type WizardErrors = Record<string, string>;

const EMPTY_ROLES: RoleChoice = { label: '', output: 'score', score: '', probabilityPrefix: '', prediction: '', weight: '', slices: [], time: '', trainFlag: '' };

export const initialWizard: EvalWizardState = {
  step: 'file',
  path: '',
  name: '',
  guesses: null,
  roles: EMPTY_ROLES,
  task: '',
  positiveLabel: '',
  threshold: '',
  costFalsePositive: '',
  costFalseNegative: '',
  gates: '',
  runId: '',
  datasetId: '',
};

/** A kept draft (from storage, so from any version) that this wizard can resume. */
export function isResumable(s: EvalWizardState): boolean {
  const guessesFit = s.guesses === null || RoleGuesses.safeParse(s.guesses).success;
  return STEPS.some((step) => step.id === s.step) && guessesFit && s.roles.slices.every((c) => typeof c === 'string');
}

export function stepIndex(step: StepId): number {
  return STEPS.findIndex((s) => s.id === step);
}

/** A new file forgets the guesses and roles of the last one. */
export function chooseFile(state: EvalWizardState, path: string): EvalWizardState {
  if (path === state.path) return state;
  return { ...state, path, guesses: null, roles: EMPTY_ROLES, task: '', positiveLabel: '' };
}

/** The guesses fill every role (the user confirms or changes them on the next step). */
export function withGuesses(state: EvalWizardState, g: RoleGuesses): EvalWizardState {
  const r = g.roles;
  const output: OutputKind = r?.score ? 'score' : r?.probabilityPrefix ? 'probabilities' : r?.prediction ? 'prediction' : g.score[0] ? 'score' : g.probabilityPrefix[0] ? 'probabilities' : 'prediction';
  return {
    ...state,
    step: 'roles',
    guesses: g,
    roles: {
      label: r?.label ?? g.label[0]?.column ?? '',
      output,
      score: r?.score ?? g.score[0]?.column ?? '',
      probabilityPrefix: r?.probabilityPrefix ?? g.probabilityPrefix[0]?.prefix ?? '',
      prediction: r?.prediction ?? g.prediction[0]?.column ?? '',
      weight: r?.weight ?? '',
      slices: r?.slices ?? [],
      time: r?.time ?? '',
      trainFlag: r?.trainFlag ?? '',
    },
    task: g.task?.value ?? '',
    positiveLabel: g.positiveLabel?.value ?? '',
    name: state.name || (g.file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, ''),
  };
}

export function setRole<K extends keyof RoleChoice>(state: EvalWizardState, key: K, value: RoleChoice[K]): EvalWizardState {
  return { ...state, roles: { ...state.roles, [key]: value } };
}

export function toggleSlice(state: EvalWizardState, column: string): EvalWizardState {
  const has = state.roles.slices.includes(column);
  return setRole(state, 'slices', has ? state.roles.slices.filter((c) => c !== column) : [...state.roles.slices, column]);
}

/**
 * Columns offered as slices: every column but the ones already playing a part (the true answer,
 * the model's output, weight, time, training flag), plus any slice already chosen.
 */
export function sliceCandidates(state: EvalWizardState): string[] {
  const r = state.roles;
  const taken = new Set([r.label, r.output === 'score' ? r.score : '', r.output === 'prediction' ? r.prediction : '', r.weight, r.time, r.trainFlag].filter(Boolean));
  const prefix = r.output === 'probabilities' ? r.probabilityPrefix : '';
  return (state.guesses?.columns ?? []).filter((c) => r.slices.includes(c) || (!taken.has(c) && !(prefix && c.startsWith(prefix))));
}

/** The roles as the contract takes them; empty choices left out, only the chosen kind of output. */
export function toRoles(r: RoleChoice): PredictionRoles {
  return {
    label: r.label,
    ...(r.output === 'score' && r.score ? { score: r.score } : {}),
    ...(r.output === 'probabilities' && r.probabilityPrefix ? { probabilityPrefix: r.probabilityPrefix } : {}),
    ...(r.output === 'prediction' && r.prediction ? { prediction: r.prediction } : {}),
    ...(r.weight ? { weight: r.weight } : {}),
    ...(r.slices.length ? { slices: r.slices } : {}),
    ...(r.time ? { time: r.time } : {}),
    ...(r.trainFlag ? { trainFlag: r.trainFlag } : {}),
  };
}

const OUTPUT_FIELD: Record<OutputKind, keyof RoleChoice> = { score: 'score', probabilities: 'probabilityPrefix', prediction: 'prediction' };

function issuesOf(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } }, prefix = ''): WizardErrors {
  if (result.success || !result.error) return {};
  const out: WizardErrors = {};
  for (const i of result.error.issues) {
    const key = prefix + (i.path.map(String).join('.') || 'request');
    out[key] ??= i.message;
  }
  return out;
}

function validateRoles(state: EvalWizardState): WizardErrors {
  const r = state.roles;
  const errors: WizardErrors = {};
  const output = OUTPUT_FIELD[r.output];
  if (r.label === '') errors.label = 'Choose the column with the true answer';
  if (r[output] === '') errors[output] = r.output === 'probabilities' ? 'Give the prefix of the probability columns' : 'Choose the column with the model output';
  const columns = state.guesses?.columns ?? [];
  const single: Array<keyof RoleChoice> = ['label', 'score', 'prediction', 'weight', 'time', 'trainFlag'];
  for (const k of single) {
    if (k === 'score' && r.output !== 'score') continue;
    if (k === 'prediction' && r.output !== 'prediction') continue;
    const v = r[k] as string;
    if (v && columns.length > 0 && !columns.includes(v)) errors[k] ??= `The file has no column "${v}"`;
  }
  if (r.output === 'probabilities' && r.probabilityPrefix && columns.length > 0 && columns.filter((c) => c.startsWith(r.probabilityPrefix) && c !== r.probabilityPrefix).length < 2) {
    errors.probabilityPrefix ??= `Fewer than two columns start with "${r.probabilityPrefix}"`;
  }
  if (r.label && r.label === r[output]) errors[output] ??= 'The model output cannot be the true-answer column';
  for (const k of ['weight', 'time', 'trainFlag'] as const) if (r[k] && r[k] === r.label) errors[k] ??= 'This is the true-answer column';
  if (r.slices.includes(r.label)) errors.slices ??= 'The true-answer column cannot be a slice';
  if (Object.keys(errors).length > 0) return errors;
  return issuesOf(PredictionRoles.safeParse(toRoles(r)));
}

function validateOptions(state: EvalWizardState): WizardErrors {
  const errors: WizardErrors = {};
  if (state.threshold.trim() !== '') {
    const t = Number(state.threshold.trim());
    if (!Number.isFinite(t)) errors.threshold = 'The threshold must be a number, such as 0.5';
  }
  const fp = state.costFalsePositive.trim();
  const fn = state.costFalseNegative.trim();
  if ((fp === '') !== (fn === '')) {
    errors[fp === '' ? 'costFalsePositive' : 'costFalseNegative'] = 'Give both costs, or neither';
  }
  for (const [key, text] of [['costFalsePositive', fp], ['costFalseNegative', fn]] as const) {
    if (text === '' || errors[key]) continue;
    const m = parseMoney(text);
    if (!m.ok) errors[key] = m.message;
  }
  gateLines(state.gates).forEach((g, i) => {
    try {
      parseGate(g);
    } catch (e) {
      errors[`gates.${i}`] = e instanceof Error ? e.message : String(e);
    }
  });
  return errors;
}

export function gateLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function validateStep(state: EvalWizardState): WizardErrors {
  switch (state.step) {
    case 'file':
      return state.path.trim() === '' ? { path: 'Choose the predictions file' } : {};
    case 'roles':
      return validateRoles(state);
    case 'options':
      return validateOptions(state);
  }
}

/**
 * Forward when the step is valid. Leaving the file step needs the backend's guesses first: the
 * page asks for them and calls `withGuesses`, which moves on.
 */
export function next(state: EvalWizardState): { state: EvalWizardState; errors: WizardErrors; needGuesses: boolean } {
  const errors = validateStep(state);
  if (Object.keys(errors).length > 0) return { state, errors, needGuesses: false };
  if (state.step === 'file') {
    if (state.guesses && state.guesses.file === state.path) return { state: { ...state, step: 'roles' }, errors: {}, needGuesses: false };
    return { state, errors: {}, needGuesses: true };
  }
  const i = stepIndex(state.step);
  return { state: { ...state, step: STEPS[Math.min(i + 1, STEPS.length - 1)]!.id }, errors: {}, needGuesses: false };
}

export function back(state: EvalWizardState): EvalWizardState {
  return { ...state, step: STEPS[Math.max(0, stepIndex(state.step) - 1)]!.id };
}

export type StartInput = EvaluationStartInput;

/** What the backend is asked to run; empty choices are left out rather than sent as "". */
export function toStartInput(state: EvalWizardState, projectId: string): StartInput {
  const fp = parseMoney(state.costFalsePositive);
  const fn = parseMoney(state.costFalseNegative);
  const gates = gateLines(state.gates);
  const threshold = state.threshold.trim() === '' ? undefined : Number(state.threshold.trim());
  const options = {
    ...(state.task ? { task: state.task } : {}),
    ...(state.positiveLabel && state.task !== 'multiclass' && state.task !== 'regression' ? { positiveLabel: state.positiveLabel } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(fp.ok && fn.ok ? { costs: { falsePositiveMicros: fp.micros, falseNegativeMicros: fn.micros } } : {}),
    ...(gates.length ? { gates } : {}),
  };
  return {
    projectId,
    path: state.path.trim(),
    ...(state.name.trim() ? { name: state.name.trim() } : {}),
    roles: toRoles(state.roles),
    ...(Object.keys(options).length ? { options } : {}),
    ...(state.runId ? { runId: state.runId } : {}),
    ...(state.datasetId ? { datasetId: state.datasetId } : {}),
  };
}

/** Field names the contract's paths map to on the wizard's fields. */
const FIELD_OF: Record<string, string> = { 'options.threshold': 'threshold', 'options.costs.falsePositiveMicros': 'costFalsePositive', 'options.costs.falseNegativeMicros': 'costFalseNegative' };

/** The last gate before running: the request through the schema the backend enforces. */
export function contractErrors(input: StartInput): WizardErrors {
  const raw = issuesOf(EvaluationStartInput.safeParse(input));
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [FIELD_OF[k] ?? k.replace(/^roles\./, ''), v]));
}

/** The reason shown beside a role: the backend's guess for the chosen column, if it is the guessed one. */
export function reasonFor(guesses: RoleGuesses | null, role: 'label' | 'score' | 'prediction' | 'weight' | 'time' | 'trainFlag' | 'slices', column: string): string | null {
  if (!guesses || !column) return null;
  return guesses[role].find((g) => g.column === column)?.reason ?? null;
}
