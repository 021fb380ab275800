import type { Project } from '../../../../shared/contract/projects';

/** Pure views over the project list; tested without React. */
export function activeProjects(list: Project[]): Project[] {
  return list.filter((p) => p.archivedAt === null);
}

export function archivedProjects(list: Project[]): Project[] {
  return list.filter((p) => p.archivedAt !== null);
}

export function totalBudgetByCurrency(list: Project[]): Array<{ currency: string; cents: number }> {
  const sums = new Map<string, number>();
  for (const p of activeProjects(list)) {
    if (p.budgetCents != null) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.budgetCents);
  }
  return [...sums].map(([currency, cents]) => ({ currency, cents })).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Days from `today` to the end date, negative when past; null without an end date. */
export function daysLeft(p: Project, today: string): number | null {
  if (!p.endDate) return null;
  return Math.round((Date.parse(`${p.endDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The projects.list input for the list's filters: a blank search is no search. */
export function projectListInput(search: string, includeArchived: boolean): { search?: string; includeArchived: boolean } {
  return { ...(search.trim() ? { search } : {}), includeArchived };
}
