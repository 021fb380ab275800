import { create } from 'zustand';
import { toggleSelected } from './evaluate-ui';

/** The evaluations picked for comparison, per project, for this session. */
interface EvaluateUiState {
  picked: Record<string, string[]>;
  /** Returns false when the pick was refused (already 10). */
  toggle(projectId: string, evaluationId: string): boolean;
  clear(projectId: string): void;
}

const NONE: string[] = [];

export function pickedOf(state: Pick<EvaluateUiState, 'picked'>, projectId: string): string[] {
  return state.picked[projectId] ?? NONE;
}

export const useEvaluateUi = create<EvaluateUiState>((set, get) => ({
  picked: {},
  toggle(projectId, evaluationId) {
    const r = toggleSelected(pickedOf(get(), projectId), evaluationId);
    if (!r.refused) set((s) => ({ picked: { ...s.picked, [projectId]: r.selected } }));
    return !r.refused;
  },
  clear(projectId) {
    set((s) => ({ picked: { ...s.picked, [projectId]: [] } }));
  },
}));
