import { useEffect, useState } from 'react';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { useRpcQuery } from '../../../data/rpc-query';
import { activeProjects } from '../../../stores/projects/projects.selectors';
import { defaultProjectId, useRecent } from '../../../stores/recent/recent.store';
import { planCurrency } from './plan-currency';
import type { PlanProjectChoice } from './PlanProject';
import { repriceTexts, typedPriceTarget, type PriceKind, type TypedPriceValues } from '../../../../../shared/budget/typed-price';

/**
 * The project a planner's answer is for, chosen on its questions or on the save form: its
 * currency is the one the answer is shown in and prices are typed in. A plan being edited stays
 * in its own project; otherwise the owner's choice, else the project used last, else the first.
 */
export function usePlanProject(editing: Scenario | null) {
  const projects = useRpcQuery('projects.list', {});
  const list = projects.data ?? [];
  const [chosen, setChosen] = useState('');
  const recent = useRecent((r) => r.projectId);
  const choices = editing ? list.filter((p) => p.id === editing.projectId) : activeProjects(list);
  const projectId = editing?.projectId ?? (chosen || defaultProjectId(choices, null, recent));
  const project = list.find((p) => p.id === projectId) ?? null;
  const currency = planCurrency(project);
  // What the steps' project picker shows; "New project…" there switches the plan to the one made.
  const picker: PlanProjectChoice = { projects: choices, projectId, onProject: setChosen, currency, ready: projects.isSuccess, locked: editing !== null };
  return { ready: projects.isSuccess, choices, projectId, project, currency, choose: setChosen, picker };
}

/**
 * Keeps a wizard's typed prices in the project's currency and rate (typed-price.ts), once the
 * projects are known: before that a resumed draft would be carried into dollars and back.
 */
export function useTypedPriceSync<V extends TypedPriceValues & Record<string, string>>(
  plan: { ready: boolean; project: { currency: string; usdRate?: number | null } | null },
  values: V,
  patch: (fn: (v: V) => V) => void,
  fields: ReadonlyArray<readonly [keyof V & string, PriceKind]>,
): void {
  const target = typedPriceTarget(plan.project);
  const stale = plan.ready && (values.currency !== target.currency || values.usdRate !== target.usdRate);
  useEffect(() => {
    if (stale) patch((v) => repriceTexts(v, fields, target));
    // The target's two strings are all this follows; fields are a constant of the wizard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stale, target.currency, target.usdRate, patch]);
}
