import {
  parseComparisons,
  parseStringList,
  pySet,
  splitIdentifier,
  stripQuotes,
  trimBackticks,
  type Comparison,
  type Operand,
} from './filter-grammar';
import { invalidParameter } from './mlflow-error';
import { parseOrderByClause } from './order-by-grammar';
import type {
  DatasetField,
  ListComparator,
  NumericComparator,
  RunFilterClause,
  RunNumericAttribute,
  RunOrderAttribute,
  RunOrderTerm,
  RunStringAttribute,
  StringComparator,
} from './search-ast';

/**
 * MLflow's run search grammar (mlflow/utils/search_utils.py, SearchUtils): `metrics.m > 0.9`,
 * `params.x = 'y'`, `tags."a key" != 'z'`, `attributes.status = 'FINISHED'`,
 * `run_id IN ('a', 'b')`, `datasets.name LIKE 'train%'`, joined by AND, with MLflow's error
 * messages. Comparators are checked against the entity type here (MLflow checks them when it
 * filters), so a bad filter is a 400 before the store is asked.
 */

type EntityType = 'metric' | 'parameter' | 'tag' | 'attribute' | 'dataset';

const ENTITY_ALIASES: Record<string, EntityType> = {
  metric: 'metric',
  metrics: 'metric',
  parameter: 'parameter',
  parameters: 'parameter',
  param: 'parameter',
  params: 'parameter',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attr: 'attribute',
  attributes: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};
const ENTITY_NAMES = "['metric', 'parameter', 'tag', 'attribute', 'dataset']";

const STRING_ATTRIBUTES = ['artifact_uri', 'run_id', 'run_name', 'status', 'user_id'] as const;
const NUMERIC_ATTRIBUTES = new Set(['start_time', 'end_time', 'created', 'Created']);
const SEARCH_ATTRIBUTES = new Set<string>([...STRING_ATTRIBUTES, 'start_time', 'end_time', 'created', 'Created', 'run name', 'Run name', 'Run Name']);
const ORDER_ATTRIBUTES = new Set<string>([...STRING_ATTRIBUTES, 'start_time', 'end_time', 'created', 'Created']);
const DATASET_FIELDS = new Set(['name', 'digest', 'context']);

export const METRIC_COMPARATORS = ['>', '>=', '!=', '=', '<', '<='] as const;
export const PARAM_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE'] as const;
const STRING_ATTRIBUTE_COMPARATORS = ['!=', '=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] as const;

/** MLflow's aliases: `created` is start_time, "Run Name" (any of its spellings) is run_name. */
function translateAlias(key: string): string {
  if (key === 'created' || key === 'Created') return 'start_time';
  if (key === 'run name' || key === 'Run name' || key === 'Run Name') return 'run_name';
  return key;
}

function identifierOf(text: string, validAttributes: Set<string>): { type: EntityType; key: string } {
  const { entity, key: rawKey } = splitIdentifier(text);
  let type: EntityType = 'attribute';
  if (entity !== null) {
    const trimmed = trimBackticks(entity);
    const found = Object.prototype.hasOwnProperty.call(ENTITY_ALIASES, trimmed) ? ENTITY_ALIASES[trimmed] : undefined;
    if (!found) throw invalidParameter(`Invalid entity type '${trimmed}'. Valid values are ${ENTITY_NAMES}`);
    type = found;
  }
  const key = trimBackticks(stripQuotes(rawKey));
  if (type === 'attribute' && !validAttributes.has(key)) {
    throw invalidParameter(`Invalid attribute key '${key}' specified. Valid keys are '${pySet([...validAttributes].sort())}'`);
  }
  if (type === 'dataset' && !DATASET_FIELDS.has(key)) {
    throw invalidParameter(`Invalid dataset key '${key}' specified. Valid keys are '${pySet(DATASET_FIELDS)}'`);
  }
  return { type, key };
}

function checkComparator<T extends string>(comparator: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(comparator)) {
    throw invalidParameter(`Invalid comparator '${comparator}' not one of '${pySet(allowed)}'`);
  }
  return comparator as T;
}

function numberValue(right: Operand, message: string): number {
  if (right.kind !== 'number') throw invalidParameter(`${message} Found ${right.text}`);
  return Number(right.text);
}

function quotedValue(right: Operand, what: string): string {
  if (right.kind === 'string' || right.kind === 'ident') return stripQuotes(right.text, true);
  throw invalidParameter(`Expected a quoted string value for ${what} (e.g. 'my-value'). Got value ${right.text}`);
}

function comparisonToClause(c: Comparison): RunFilterClause {
  if (c.left.kind !== 'ident') {
    throw invalidParameter(`Invalid comparison clause. Expected 'Identifier' found '${c.left.text}'`);
  }
  const { type, key } = identifierOf(c.left.text, SEARCH_ATTRIBUTES);
  const comparator = c.comparator.toUpperCase().replace(/\s+/g, ' ');
  if (!c.right) {
    if (type !== 'parameter' && type !== 'tag') throw invalidParameter('IS NULL / IS NOT NULL is only supported for tags and params');
    return { type: type === 'parameter' ? 'param' : 'tag', key, comparator: comparator as 'IS NULL' | 'IS NOT NULL' };
  }
  const right = c.right;
  switch (type) {
    case 'metric': {
      const value = numberValue(right, 'Expected numeric value type for metric.');
      return { type: 'metric', key, comparator: checkComparator<NumericComparator>(comparator, METRIC_COMPARATORS), value };
    }
    case 'parameter':
    case 'tag': {
      const value = quotedValue(right, type);
      const cmp = checkComparator<StringComparator>(comparator, PARAM_COMPARATORS);
      return { type: type === 'parameter' ? 'param' : 'tag', key, comparator: cmp, value };
    }
    case 'attribute':
      return attributeClause(key, comparator, right);
    case 'dataset':
      return datasetClause(key as DatasetField, comparator, right);
  }
}

function attributeClause(rawKey: string, comparator: string, right: Operand): RunFilterClause {
  const key = translateAlias(rawKey);
  if (NUMERIC_ATTRIBUTES.has(rawKey)) {
    const value = numberValue(right, `Expected numeric value type for numeric attribute: ${rawKey}.`);
    const cmp = checkComparator<NumericComparator>(comparator, METRIC_COMPARATORS);
    return { type: 'attribute', key: key as RunNumericAttribute, comparator: cmp, value };
  }
  if (right.kind === 'paren') {
    if (key !== 'run_id') throw invalidParameter("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
    const value = parseStringList(right);
    return { type: 'attribute', key: 'run_id', comparator: listComparator(comparator), value };
  }
  if (right.kind !== 'string' && right.kind !== 'ident') {
    throw invalidParameter(`Expected a quoted string value for attributes. Got value ${right.text}`);
  }
  const value = stripQuotes(right.text, true);
  const cmp = checkComparator(comparator, STRING_ATTRIBUTE_COMPARATORS);
  if (cmp === 'IN' || cmp === 'NOT IN') throw invalidParameter(`${cmp} needs a list of quoted strings, such as ('a', 'b').`);
  return { type: 'attribute', key: key as RunStringAttribute, comparator: cmp, value };
}

function datasetClause(key: DatasetField, comparator: string, right: Operand): RunFilterClause {
  if (right.kind === 'paren') {
    return { type: 'dataset', key, comparator: listComparator(comparator), value: parseStringList(right) };
  }
  if (right.kind !== 'string' && right.kind !== 'ident') {
    throw invalidParameter(`Expected a quoted string value for dataset attributes. Got value ${right.text}`);
  }
  const value = stripQuotes(right.text, true);
  const cmp = checkComparator(comparator, STRING_ATTRIBUTE_COMPARATORS);
  if (cmp === 'IN' || cmp === 'NOT IN') throw invalidParameter(`${cmp} needs a list of quoted strings, such as ('a', 'b').`);
  return { type: 'dataset', key, comparator: cmp, value };
}

function listComparator(comparator: string): ListComparator {
  if (comparator !== 'IN' && comparator !== 'NOT IN') {
    throw invalidParameter(`Invalid comparator '${comparator}' for a list of values; use IN or NOT IN.`);
  }
  return comparator;
}

/** Parses a runs/search `filter`. Empty or absent means no clause. Throws MlflowError (400). */
export function parseRunFilter(filter: string | undefined | null): RunFilterClause[] {
  if (!filter) return [];
  return parseComparisons(filter).map(comparisonToClause);
}

/** Parses one runs/search `order_by` entry, e.g. `metrics.loss DESC` or `attributes.start_time`. */
export function parseRunOrderBy(orderBy: string): RunOrderTerm {
  const { identifier, ascending } = parseOrderByClause(orderBy);
  const { type, key } = identifierOf(identifier, ORDER_ATTRIBUTES);
  switch (type) {
    case 'metric':
    case 'tag':
      return { type, key, ascending };
    case 'parameter':
      return { type: 'param', key, ascending };
    case 'attribute':
      return { type: 'attribute', key: translateAlias(key) as RunOrderAttribute, ascending };
    case 'dataset':
      throw invalidParameter(`Invalid order_by entity type '${type}'`);
  }
}
