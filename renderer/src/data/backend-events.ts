import type { QueryClient } from '@tanstack/react-query';
import type { AppEvent } from '../../../shared/contract/events';
import { api } from '../api/client';

/**
 * Which cached domains an event makes stale. "<domain>.changed" marks its own domain; the table
 * adds the domains that show figures derived from it (a run's cost is also the ledger's spend and
 * the project's budget). `null` means everything (the database file itself was replaced).
 */
const ALSO: Record<string, string[]> = {
  // A run's cost is also an evaluation's training cost in a comparison.
  runs: ['experiments', 'ledger', 'budget', 'projects', 'evaluations'],
  // A monitor draws its reference evaluation's metrics; the project page counts evaluations.
  evaluations: ['monitors', 'projects'],
  experiments: ['runs', 'budget'],
  ledger: ['budget', 'projects'],
  rates: ['runs', 'ledger', 'budget'],
  projects: ['budget', 'runs', 'ledger'],
  catalog: ['runs', 'budget', 'estimate'],
  scenarios: ['budget', 'projects'],
  datasets: ['checks', 'projects'],
  checks: ['datasets', 'projects'],
};

export function domainsFor(event: AppEvent): string[] | null {
  if (event.type === 'database.changed') return null;
  const m = /^([a-z]+)\.(changed|completed)$/.exec(event.type);
  if (!m) return [];
  const domain = m[1]!;
  return [domain, ...(ALSO[domain] ?? [])];
}

/** Keeps every window's cache current with the backend's change events; returns the unsubscribe. */
export function connectBackendEvents(client: QueryClient): () => void {
  return api().subscribe((event) => {
    const domains = domainsFor(event);
    if (domains === null) void client.invalidateQueries();
    else for (const d of domains) void client.invalidateQueries({ queryKey: [d] });
  });
}
