import type { ColumnGuesses, Dataset } from '../../../../../shared/contract/datasets';
import type { FileRole, WizardDataset } from './check-wizard';

const WIZARD_ROLES: readonly string[] = ['training', 'test', 'production'];

/** Registered datasets as wizard choices; roles outside the wizard's three are left for the user. */
export function toWizardDatasets(list: readonly Dataset[]): WizardDataset[] {
  return list.map((d) => ({
    id: d.id,
    name: d.name,
    columns: d.schema.columns.map((c) => c.name),
    ...(d.role && WIZARD_ROLES.includes(d.role) ? { role: d.role as FileRole } : {}),
  }));
}

/** The best guess per role and the reason shown next to it. */
export function bestGuesses(g: ColumnGuesses | null): { picks: { target?: string; id?: string; time?: string }; reasons: Partial<Record<'target' | 'id' | 'time', string>> } {
  const picks: { target?: string; id?: string; time?: string } = {};
  const reasons: Partial<Record<'target' | 'id' | 'time', string>> = {};
  if (!g) return { picks, reasons };
  for (const key of ['target', 'id', 'time'] as const) {
    const best = g[key][0];
    if (best) {
      picks[key] = best.column;
      reasons[key] = best.reason;
    }
  }
  return { picks, reasons };
}
