/**
 * The data-quality wizard as data plus pure step functions: the components render `state` and
 * call `next`/`back`/`update`; every decision (what is valid, which file is checked against which,
 * what the backend receives) is made here and unit-tested.
 */
import { emptyShareRow, sharesToPopulation, validateShares, type ShareRow } from './population-shares';

export type FileRole = 'training' | 'test' | 'production';

export const FILE_ROLES: ReadonlyArray<{ value: FileRole; label: string; meaning: string }> = [
  { value: 'training', label: 'Training data', meaning: 'What the model learns from.' },
  { value: 'test', label: 'Test data', meaning: 'Held back to measure the model; must not overlap training.' },
  { value: 'production', label: 'Production sample', meaning: 'Recent real-world data the model sees after launch.' },
];

export const STEPS = [
  { id: 'files', title: 'Choose the data' },
  { id: 'roles', title: 'What each file is' },
  { id: 'columns', title: 'Key columns' },
  { id: 'population', title: 'Population shares' },
  { id: 'review', title: 'Review and run' },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

/** A dataset the wizard can choose from, with the column names its profile or schema knows. */
export interface WizardDataset {
  id: string;
  name: string;
  columns: string[];
  /** The role the dataset was registered with, used as the default. */
  role?: FileRole;
}

export interface WizardFile {
  datasetId: string;
  role: FileRole;
}

export interface WizardState {
  step: StepId;
  /** One file (checked alone) or two (one checked against the other). */
  files: WizardFile[];
  target: string;
  id: string;
  time: string;
  usePopulation: boolean;
  population: ShareRow[];
}

export type WizardErrors = Record<string, string>;

export const initialWizard: WizardState = {
  step: 'files',
  files: [],
  target: '',
  id: '',
  time: '',
  usePopulation: false,
  population: [],
};

const ROLE_ORDER: Record<FileRole, number> = { training: 0, test: 1, production: 2 };

/** A kept draft (from storage, so from any version) that this wizard can resume: known step and roles. */
export function isResumable(s: WizardState): boolean {
  return (
    STEPS.some((step) => step.id === s.step) &&
    s.files.length <= 2 &&
    s.files.every((f) => typeof f === 'object' && f !== null && typeof f.datasetId === 'string' && Object.hasOwn(ROLE_ORDER, f.role))
  );
}

/**
 * With two files the later one in the life of a model is checked against the earlier one: test
 * against training, production against training (or against test when there is no training file).
 */
export function checkedAndReference(files: readonly WizardFile[]): { checked: WizardFile; reference?: WizardFile } | null {
  if (files.length === 0) return null;
  if (files.length === 1) return { checked: files[0]! };
  const [a, b] = [...files].sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role]);
  return { checked: b!, reference: a! };
}

/** Columns the chosen files share (all of the checked file's columns when it is alone). */
export function availableColumns(state: WizardState, datasets: readonly WizardDataset[]): string[] {
  const lists = state.files.map((f) => datasets.find((d) => d.id === f.datasetId)?.columns ?? []);
  if (lists.length === 0) return [];
  return lists[0]!.filter((c) => lists.every((l) => l.includes(c)));
}

export function validateStep(state: WizardState, datasets: readonly WizardDataset[]): WizardErrors {
  const errors: WizardErrors = {};
  switch (state.step) {
    case 'files': {
      if (state.files.length === 0) errors.files = 'Choose the file to check';
      if (state.files.length > 2) errors.files = 'Choose one file, or two to compare';
      state.files.forEach((f, i) => {
        if (!datasets.some((d) => d.id === f.datasetId)) errors[`files.${i}`] = 'This file is no longer in the project; choose it again';
      });
      if (state.files.length === 2 && state.files[0]!.datasetId === state.files[1]!.datasetId) errors['files.1'] = 'Choose a different file to compare with';
      break;
    }
    case 'roles': {
      if (state.files.length === 2 && state.files[0]!.role === state.files[1]!.role) {
        errors['files.1.role'] = 'The two files need different roles, so Tally knows which one to check against the other';
      }
      break;
    }
    case 'columns': {
      const columns = availableColumns(state, datasets);
      for (const key of ['target', 'id', 'time'] as const) {
        const value = state[key];
        if (value && columns.length > 0 && !columns.includes(value)) {
          errors[key] = state.files.length === 2 ? `"${value}" is not in both files` : `The file has no column "${value}"`;
        }
      }
      if (state.target && state.target === state.id) errors.id = 'The id column cannot also be the target';
      if (state.target && state.target === state.time) errors.time = 'The time column cannot also be the target';
      if (state.id && state.id === state.time) errors.time = 'The time column cannot also be the id';
      break;
    }
    case 'population': {
      if (!state.usePopulation) break;
      if (state.population.length === 0) errors.population = 'Add at least one group, or switch population shares off';
      Object.assign(errors, prefix('population.', validateShares(state.population, availableColumns(state, datasets))));
      break;
    }
    case 'review':
      break;
  }
  return errors;
}

function prefix(p: string, errors: Record<string, string>): WizardErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${p}${k}`, v]));
}

export function stepIndex(step: StepId): number {
  return STEPS.findIndex((s) => s.id === step);
}

/** Move forward when the current step is valid; otherwise stay and say why. */
export function next(state: WizardState, datasets: readonly WizardDataset[]): { state: WizardState; errors: WizardErrors } {
  const errors = validateStep(state, datasets);
  if (Object.keys(errors).length > 0) return { state, errors };
  const i = stepIndex(state.step);
  const step = STEPS[Math.min(i + 1, STEPS.length - 1)]!.id;
  return { state: { ...state, step }, errors: {} };
}

export function back(state: WizardState): WizardState {
  const i = stepIndex(state.step);
  return { ...state, step: STEPS[Math.max(0, i - 1)]!.id };
}

/** Choosing files: the role defaults to the one the dataset was registered with, else by order. */
export function chooseFiles(state: WizardState, datasetIds: readonly string[], datasets: readonly WizardDataset[]): WizardState {
  const fallback: FileRole[] = datasetIds.length === 2 ? ['training', 'test'] : ['training'];
  const files = datasetIds.map((datasetId, i) => {
    const kept = state.files.find((f) => f.datasetId === datasetId);
    return kept ?? { datasetId, role: datasets.find((d) => d.id === datasetId)?.role ?? fallback[i] ?? 'test' };
  });
  return { ...state, files };
}

export function setRole(state: WizardState, index: number, role: FileRole): WizardState {
  return { ...state, files: state.files.map((f, i) => (i === index ? { ...f, role } : f)) };
}

/** Guesses fill only what the user has not chosen yet. */
export function applyGuesses(state: WizardState, guesses: { target?: string | null; id?: string | null; time?: string | null }): WizardState {
  return {
    ...state,
    target: state.target || guesses.target || '',
    id: state.id || guesses.id || '',
    time: state.time || guesses.time || '',
  };
}

export function setUsePopulation(state: WizardState, on: boolean): WizardState {
  const population = on && state.population.length === 0 ? [emptyShareRow()] : state.population;
  return { ...state, usePopulation: on, population };
}

export function updateShareRow(state: WizardState, index: number, patch: Partial<ShareRow>): WizardState {
  return { ...state, population: state.population.map((r, i) => (i === index ? { ...r, ...patch } : r)) };
}

export function addShareRow(state: WizardState): WizardState {
  const last = state.population[state.population.length - 1];
  return { ...state, population: [...state.population, emptyShareRow(last?.column ?? '')] };
}

export function removeShareRow(state: WizardState, index: number): WizardState {
  return { ...state, population: state.population.filter((_, i) => i !== index) };
}

export interface CheckRequest {
  datasetId: string;
  referenceDatasetId?: string;
  target?: string;
  id?: string;
  time?: string;
  population?: Record<string, Record<string, number>>;
  roles: { checked: FileRole; reference?: FileRole };
}

/** What the backend is asked to run; empty choices are left out rather than sent as "". */
export function toCheckRequest(state: WizardState): CheckRequest | null {
  const pair = checkedAndReference(state.files);
  if (!pair) return null;
  return {
    datasetId: pair.checked.datasetId,
    ...(pair.reference ? { referenceDatasetId: pair.reference.datasetId } : {}),
    ...(state.target ? { target: state.target } : {}),
    ...(state.id ? { id: state.id } : {}),
    ...(state.time ? { time: state.time } : {}),
    ...(state.usePopulation && state.population.length > 0 ? { population: sharesToPopulation(state.population) } : {}),
    roles: { checked: pair.checked.role, ...(pair.reference ? { reference: pair.reference.role } : {}) },
  };
}

/**
 * The last gate before running: the request goes through the same zod schema the backend
 * enforces, so a message the backend would give appears next to the wizard instead.
 */
export function contractErrors(request: CheckRequest, projectId: string, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } } }): WizardErrors {
  const { roles: _roles, ...input } = request;
  const r = schema.safeParse({ projectId, ...input });
  if (r.success || !r.error) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.map(String).join('.') || 'request', i.message]));
}
