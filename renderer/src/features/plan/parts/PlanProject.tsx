import { Field } from '../../../components/Field';
import type { PlanCurrency } from './plan-currency';

export interface PlanProjectChoice {
  projects: ReadonlyArray<{ id: string; name: string; currency: string }>;
  projectId: string;
  onProject(id: string): void;
  currency: PlanCurrency;
}

/** Which project the plan is for, and what that means for the money on this step. */
export function PlanProject({ plan }: { plan: PlanProjectChoice }) {
  const { projects, projectId, onProject, currency } = plan;
  return (
    <>
      {projects.length > 0 && (
        <Field label="For the project" hint="The plan is saved there; its currency is the one you spend in.">
          {(p) => (
            <select {...p} name="planProject" value={projectId} onChange={(e) => onProject(e.target.value)}>
              {projects.map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {pr.name} ({pr.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {currency.rateNote && <p className="muted plan-small">Catalog prices and estimates are in US dollars; we show them in {currency.currency} {currency.rateNote}.</p>}
      {currency.missingRate && <p className="banner banner--warn">{currency.missingRate}</p>}
    </>
  );
}
