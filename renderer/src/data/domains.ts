/**
 * Cached reads are keyed by domain first ("runs" for every runs.* procedure). A change in one
 * domain also makes stale the domains that show figures derived from it: a run's cost is also the
 * ledger's spend and the project's budget. The backend's change events and the app's own
 * mutations both go through this table, so a window that made a change and a window that heard
 * about it refresh the same reads.
 */
const ALSO: Record<string, readonly string[]> = {
  // A run's cost is also an evaluation's training cost in a comparison.
  runs: ['experiments', 'ledger', 'budget', 'projects', 'evaluations'],
  // A monitor draws its reference evaluation's metrics; the project page counts evaluations.
  evaluations: ['monitors', 'projects'],
  monitors: ['projects'],
  experiments: ['runs', 'budget'],
  ledger: ['budget', 'projects'],
  rates: ['runs', 'ledger', 'budget'],
  // A plan's figures are shown in its project's currency at the project's rate.
  projects: ['budget', 'runs', 'ledger', 'scenarios'],
  // Estimates are priced from the catalog; run costs are recomputed from it.
  catalog: ['runs', 'budget', 'estimate'],
  // The budget page plans against saved scenarios; the project page counts them.
  scenarios: ['budget', 'projects'],
  datasets: ['checks', 'projects'],
  checks: ['datasets', 'projects'],
  // Settings lists the tracking API's listener among the app's listeners.
  tracking: ['system'],
};

/** The domain itself and those showing figures derived from it. */
export function relatedDomains(domain: string): string[] {
  return [domain, ...(ALSO[domain] ?? [])];
}
