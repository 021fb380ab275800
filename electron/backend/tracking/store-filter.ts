import type { ExperimentFilterClause as StoreExperimentClause } from '../../../shared/contract/experiments';
import type { RunAttribute, RunFilterClause as StoreRunClause, RunOrder } from '../../../shared/contract/runs-filter';
import { invalidParameter } from './mlflow-error';
import type { ExperimentFilterClause, RunFilterClause, RunOrderTerm } from './search-ast';

/**
 * MLflow's parsed filters in the store's filter tree (shared/contract/runs-filter.ts). The few
 * MLflow forms the store has no clause for are refused by name with a 400, never dropped:
 * `IS NULL` and dataset clauses, and the artifact_uri attribute (Tally keeps no artifacts).
 * `IS NOT NULL` is `LIKE '%'`: every value matches it and a run without the key never does.
 */

function unsupported(what: string): never {
  throw invalidParameter(`Tally's tracking API cannot search by ${what} yet.`);
}

function attribute(key: string): RunAttribute {
  if (key === 'artifact_uri') unsupported('artifact_uri (Tally stores no artifacts)');
  return key as RunAttribute;
}

export function toStoreRunFilter(clauses: RunFilterClause[]): StoreRunClause[] {
  return clauses.map((c): StoreRunClause => {
    switch (c.type) {
      case 'dataset':
        return unsupported(`datasets.${c.key}`);
      case 'metric':
        return { kind: 'metric', key: c.key, op: c.comparator, value: c.value };
      case 'param':
      case 'tag':
        if (!('value' in c)) {
          if (c.comparator === 'IS NULL') return unsupported(`${c.type}s.${c.key} IS NULL`);
          return { kind: c.type, key: c.key, op: 'LIKE', value: '%' };
        }
        return { kind: c.type, key: c.key, op: c.comparator, value: c.value };
      case 'attribute':
        return { kind: 'attribute', key: attribute(c.key), op: c.comparator, value: c.value };
    }
  });
}

export function toStoreRunOrder(t: RunOrderTerm): RunOrder {
  return t.type === 'attribute' ? { kind: 'attribute', key: attribute(t.key), ascending: t.ascending } : { kind: t.type, key: t.key, ascending: t.ascending };
}

export function toStoreExperimentFilter(clauses: ExperimentFilterClause[]): StoreExperimentClause[] {
  return clauses.map((c) => ({ kind: c.type, key: c.key, op: c.comparator, value: c.value }));
}
