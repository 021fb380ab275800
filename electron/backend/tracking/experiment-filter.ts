import { parseComparisons, pySet, splitIdentifier, stripQuotes, trimBackticks, type Comparison } from './filter-grammar';
import { invalidParameter } from './mlflow-error';
import { parseOrderByClause } from './order-by-grammar';
import { METRIC_COMPARATORS, PARAM_COMPARATORS } from './search-filter';
import type {
  ExperimentFilterClause,
  ExperimentNumericAttribute,
  ExperimentOrderKey,
  ExperimentOrderTerm,
  NumericComparator,
  StringComparator,
} from './search-ast';

/**
 * MLflow's experiment search grammar (SearchExperimentsUtils): `name LIKE '%x%'`,
 * `tags.team = 'vision'`, `creation_time > 1700000000000`, joined by AND. Only `attribute`,
 * `tag` and `tags` may prefix a key, as in MLflow.
 */

const ENTITY_TYPES = ['attribute', 'tag', 'tags'];
const SEARCH_KEYS = new Set(['name', 'creation_time', 'last_update_time']);
const ORDER_KEYS = new Set(['name', 'experiment_id', 'creation_time', 'last_update_time']);
const NUMERIC_KEYS = new Set(['creation_time', 'last_update_time']);
const NAME_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE'] as const;

function identifierOf(text: string, validAttributes: Set<string>): { type: 'attribute' | 'tag'; key: string } {
  const { entity, key: rawKey } = splitIdentifier(text);
  let type: 'attribute' | 'tag' = 'attribute';
  if (entity !== null) {
    if (!ENTITY_TYPES.includes(entity)) {
      throw invalidParameter(`Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`);
    }
    type = entity === 'attribute' ? 'attribute' : 'tag';
  }
  const key = trimBackticks(stripQuotes(rawKey));
  if (type === 'attribute' && !validAttributes.has(key)) {
    throw invalidParameter(`Invalid attribute key '${key}' specified. Valid keys are '${pySet([...validAttributes].sort())}'`);
  }
  return { type, key };
}

function checkComparator<T extends string>(comparator: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(comparator)) {
    throw invalidParameter(`Invalid comparator '${comparator}' not one of '${pySet(allowed)}'`);
  }
  return comparator as T;
}

function comparisonToClause(c: Comparison): ExperimentFilterClause {
  if (c.left.kind !== 'ident') {
    throw invalidParameter(`Invalid comparison clause. Expected 'Identifier' found '${c.left.text}'`);
  }
  const { type, key } = identifierOf(c.left.text, SEARCH_KEYS);
  const comparator = c.comparator.toUpperCase().replace(/\s+/g, ' ');
  const right = c.right;
  if (!right) throw invalidParameter('IS NULL / IS NOT NULL is only supported for tags and params of runs');
  if (type === 'tag') {
    if (right.kind !== 'string' && right.kind !== 'ident') {
      throw invalidParameter(`Expected a quoted string value for tag (e.g. 'my-value'). Got value ${right.text}`);
    }
    const value = stripQuotes(right.text, true);
    return { type: 'tag', key, comparator: checkComparator<StringComparator>(comparator, PARAM_COMPARATORS), value };
  }
  if (NUMERIC_KEYS.has(key)) {
    if (right.kind !== 'number') throw invalidParameter(`Expected numeric value type for numeric attribute: ${key}. Found ${right.text}`);
    const cmp = checkComparator<NumericComparator>(comparator, METRIC_COMPARATORS);
    return { type: 'attribute', key: key as ExperimentNumericAttribute, comparator: cmp, value: Number(right.text) };
  }
  if (right.kind === 'paren') throw invalidParameter("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
  if (right.kind !== 'string' && right.kind !== 'ident') {
    throw invalidParameter(`Expected a quoted string value for attributes. Got value ${right.text}`);
  }
  const value = stripQuotes(right.text, true);
  return { type: 'attribute', key: 'name', comparator: checkComparator<StringComparator>(comparator, NAME_COMPARATORS), value };
}

/** Parses an experiments/search `filter`. Empty or absent means no clause. */
export function parseExperimentFilter(filter: string | undefined | null): ExperimentFilterClause[] {
  if (!filter) return [];
  return parseComparisons(filter).map(comparisonToClause);
}

/** Parses one experiments/search `order_by` entry, e.g. `name` or `last_update_time DESC`. */
export function parseExperimentOrderBy(orderBy: string): ExperimentOrderTerm {
  const { identifier, ascending } = parseOrderByClause(orderBy);
  const { type, key } = identifierOf(identifier, ORDER_KEYS);
  if (type !== 'attribute') throw invalidParameter(`Invalid order_by entity: ${type}`);
  return { key: key as ExperimentOrderKey, ascending };
}
