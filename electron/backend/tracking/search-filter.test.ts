import { describe, expect, it } from 'vitest';
import { MlflowError } from './mlflow-error';
import type { RunFilterClause, RunOrderTerm } from './search-ast';
import { parseRunFilter, parseRunOrderBy } from './search-filter';

/**
 * The filter strings of MLflow's own tests (tests/utils/test_search_utils.py), with the clause
 * each means or the start of MLflow's error message. Where MLflow refuses a comparator only when
 * it filters, this parser refuses it at once; those rows say so.
 */

const m = (key: string, comparator: string, value: number) => ({ type: 'metric', key, comparator, value });
const p = (key: string, comparator: string, value: string) => ({ type: 'param', key, comparator, value });
const t = (key: string, comparator: string, value: string) => ({ type: 'tag', key, comparator, value });
const a = (key: string, comparator: string, value: string | number | string[]) => ({ type: 'attribute', key, comparator, value });

const VALID: Array<[string, unknown[]]> = [
  ['metric.acc >= 0.94', [m('acc', '>=', 0.94)]],
  ['metric.acc>=100', [m('acc', '>=', 100)]],
  ["params.m!='tf'", [p('m', '!=', 'tf')]],
  ['params."m"!="tf"', [p('m', '!=', 'tf')]],
  ['metric."legit name" >= 0.243', [m('legit name', '>=', 0.243)]],
  ['metrics.XYZ = 3', [m('XYZ', '=', 3)]],
  ['params."cat dog" = "pets"', [p('cat dog', '=', 'pets')]],
  ['metrics."X-Y-Z" = 3', [m('X-Y-Z', '=', 3)]],
  ['metrics."X//Y#$$@&Z" = 3', [m('X//Y#$$@&Z', '=', 3)]],
  ["params.model = 'LinearRegression'", [p('model', '=', 'LinearRegression')]],
  ["metrics.rmse < 1 and params.model_class = 'LR'", [m('rmse', '<', 1), p('model_class', '=', 'LR')]],
  ['', []],
  ['`metric`.a >= 0.1', [m('a', '>=', 0.1)]],
  ["tags.version = 'commit-hash'", [t('version', '=', 'commit-hash')]],
  ["`tags`.source_name = 'a notebook'", [t('source_name', '=', 'a notebook')]],
  ['metrics."accuracy.2.0" > 5', [m('accuracy.2.0', '>', 5)]],
  ['metrics.`spacey name` > 5', [m('spacey name', '>', 5)]],
  ['params."p.a.r.a.m" != "a"', [p('p.a.r.a.m', '!=', 'a')]],
  ['tags."t.a.g" = "a"', [t('t.a.g', '=', 'a')]],
  ["attribute.artifact_uri = '1/23/4'", [a('artifact_uri', '=', '1/23/4')]],
  ['attribute.start_time >= 1234', [a('start_time', '>=', 1234)]],
  ["run.status = 'RUNNING'", [a('status', '=', 'RUNNING')]],
  ["dataset.name = 'my_dataset'", [{ type: 'dataset', key: 'name', comparator: '=', value: 'my_dataset' }]],
  ['tags.version IS NULL', [{ type: 'tag', key: 'version', comparator: 'IS NULL' }]],
  ['tags.version IS NOT NULL', [{ type: 'tag', key: 'version', comparator: 'IS NOT NULL' }]],
  ['params.lr IS NULL', [{ type: 'param', key: 'lr', comparator: 'IS NULL' }]],
  ['params.lr IS NOT NULL', [{ type: 'param', key: 'lr', comparator: 'IS NOT NULL' }]],
  ["tags.a IS NULL AND params.b = 'val'", [{ type: 'tag', key: 'a', comparator: 'IS NULL' }, p('b', '=', 'val')]],
  // quote trimming
  ["params.m = 'LR'", [p('m', '=', 'LR')]],
  ['params.m = "LR"', [p('m', '=', 'LR')]],
  [`params.m = "L'Hosp"`, [p('m', '=', "L'Hosp")]],
  // filtering cases
  ["attributes.status = 'FAILED'", [a('status', '=', 'FAILED')]],
  ["params.my_param = 'A' AND attributes.status = 'FAILED'", [p('my_param', '=', 'A'), a('status', '=', 'FAILED')]],
  ["datasets.name IN ('name1', 'name2')", [{ type: 'dataset', key: 'name', comparator: 'IN', value: ['name1', 'name2'] }]],
  ["datasets.context = 'train'", [{ type: 'dataset', key: 'context', comparator: '=', value: 'train' }]],
  ["attribute.user_id = 'user-id2'", [a('user_id', '=', 'user-id2')]],
  ['attribute.end_time > 1', [a('end_time', '>', 1)]],
  // the brief's own forms
  ["tags.\"with space\" != 'z'", [t('with space', '!=', 'z')]],
  ["status = 'FINISHED' AND run_name LIKE 'lr-%'", [a('status', '=', 'FINISHED'), a('run_name', 'LIKE', 'lr-%')]],
  ["run_id IN ('a1', 'b2')", [a('run_id', 'IN', ['a1', 'b2'])]],
  ["attributes.run_id NOT IN ('a1')", [a('run_id', 'NOT IN', ['a1'])]],
  ["params.opt ilike 'AD%'", [p('opt', 'ILIKE', 'AD%')]],
  ['created > 5 and attributes.`Run Name` = "x"', [a('start_time', '>', 5), a('run_name', '=', 'x')]],
  ['metrics.loss <= -1.5e-3', [m('loss', '<=', -0.0015)]],
  ['metrics."system/gpu_0_power_usage_watts" > 0', [m('system/gpu_0_power_usage_watts', '>', 0)]],
];

const INVALID: Array<[string, string]> = [
  ['metric.acc >= 0.94; metrics.rmse < 1', 'Search filter contained multiple expression'],
  ['m.acc >= 0.94', 'Invalid entity type'],
  ['acc >= 0.94', 'Invalid attribute key'],
  ["p.model >= 'LR'", 'Invalid entity type'],
  ['attri.x != 1', 'Invalid entity type'],
  ['a.x != 1', 'Invalid entity type'],
  ["model >= 'LR'", 'Invalid attribute key'],
  ["metrics.A > 0.1 OR params.B = 'LR'", 'Invalid clause(s) in filter string'],
  ["metrics.A > 0.1 NAND params.B = 'LR'", 'Invalid clause(s) in filter string'],
  ["metrics.A > 0.1 AND (params.B = 'LR')", 'Invalid clause(s) in filter string'],
  ['`metrics.A > 0.1', 'Invalid clause(s) in filter string'],
  ['param`.A > 0.1', 'Invalid clause(s) in filter string'],
  ['`dummy.A > 0.1', 'Invalid clause(s) in filter string'],
  ['dummy`.A > 0.1', 'Invalid clause(s) in filter string'],
  ['attribute.start != 1', 'Invalid attribute key'],
  ['attribute.experiment_id != 1', 'Invalid attribute key'],
  ["attribute.lifecycle_stage = 'ACTIVE'", 'Invalid attribute key'],
  ['attribute.name != 1', 'Invalid attribute key'],
  ['attribute.time != 1', 'Invalid attribute key'],
  ["attribute._status != 'RUNNING'", 'Invalid attribute key'],
  ['attribute.status = true', 'Invalid clause(s) in filter string'],
  ["dataset.status = 'true'", 'Invalid dataset key'],
  ["dataset.profile = 'num_rows: 10'", 'Invalid dataset key'],
  ['metrics.acc IS NULL', 'IS NULL / IS NOT NULL is only supported for tags and params'],
  ['attribute.status IS NULL', 'IS NULL / IS NOT NULL is only supported for tags and params'],
  // comparison clauses
  ["metric.model = 'LR'", 'Expected numeric value type for metric'],
  ["metric.model = '5'", 'Expected numeric value type for metric'],
  ['params.acc = 5', 'Expected a quoted string value for param'],
  ['tags.acc = 5', 'Expected a quoted string value for tag'],
  ['metrics.acc != metrics.acc', 'Expected numeric value type for metric'],
  ['1.0 > metrics.acc', "Expected 'Identifier' found"],
  ['attribute.status = 1', 'Expected a quoted string value for attributes'],
  // quotes
  ['params.acc = LR', 'value is either not quoted or unidentified quote types'],
  ['tags.acc = LR', 'value is either not quoted or unidentified quote types'],
  ['params.acc = `LR`', 'value is either not quoted or unidentified quote types'],
  ["params.'acc = LR", 'Invalid clause(s) in filter string'],
  ["params.acc = 'LR", 'Invalid clause(s) in filter string'],
  ["params.acc = LR'", 'Invalid clause(s) in filter string'],
  [`params.acc = "LR'`, 'Invalid clause(s) in filter string'],
  [`tags.acc = "LR'`, 'Invalid clause(s) in filter string'],
  ["tags.acc = = 'LR'", 'Invalid clause(s) in filter string'],
  ["attribute.status IS 'RUNNING'", 'Invalid clause(s) in filter string'],
  // clauses
  ['params.acc LR !=', 'Invalid clause(s) in filter string'],
  ['params.acc LR', 'Invalid clause(s) in filter string'],
  ['metric.acc !=', 'Invalid clause(s) in filter string'],
  ['acc != 1.0', 'Invalid attribute key'],
  ['foo is null', 'Invalid attribute key'],
  ['1=1', "Expected 'Identifier' found"],
  ['1==2', "Expected 'Identifier' found"],
  // comparators refused per entity type (MLflow refuses them when it filters)
  ['metrics.abc ~ 1.0', 'Invalid comparator'],
  ['metrics.abc ~= 1.0', 'Invalid comparator'],
  ...['>', '<', '>=', '<=', '~'].flatMap((c): Array<[string, string]> => [
    [`params.abc ${c} 'my-param-value'`, 'Invalid comparator'],
    [`tags.abc ${c} 'my-tag-value'`, 'Invalid comparator'],
    [`attributes.status ${c} 'my-tag-value'`, 'Invalid comparator'],
    [`datasets.name ${c} 'my-dataset-name'`, 'Invalid comparator'],
  ]),
  ['attributes.start_time LIKE 1234', 'Invalid comparator'],
  ['attributes.start_time ILIKE 1234', 'Invalid comparator'],
  ["`params`.model >= 'LR'", 'Invalid comparator'],
  // lists
  ["attributes.status IN ('a')", "Only the 'run_id' attribute supports comparison with a list"],
  ['run_id IN ()', 'expected a non-empty list of string values, but got empty list'],
  ['run_id IN (1)', 'but got ill-formed list'],
  ["run_id IN ('a', 1)", 'but got different type in list'],
  ["params.p IN ('a')", 'Expected a quoted string value for parameter'],
];

function errorOf(fn: () => unknown): MlflowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MlflowError) return e;
    throw e;
  }
  throw new Error('expected an MlflowError');
}

describe('run search filter: MLflow test cases', () => {
  it.each(VALID)('%s', (filter, clauses) => {
    expect(parseRunFilter(filter)).toEqual(clauses as RunFilterClause[]);
  });

  it.each(INVALID)('refuses %s', (filter, message) => {
    const e = errorOf(() => parseRunFilter(filter));
    expect(e.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(e.status).toBe(400);
    expect(e.message).toContain(message);
  });

  it('words errors as MLflow does, naming what was wrong', () => {
    expect(errorOf(() => parseRunFilter("params.acc = LR'")).message).toBe("Invalid clause(s) in filter string: '''");
    expect(errorOf(() => parseRunFilter('m.acc >= 0.94')).message).toBe(
      "Invalid entity type 'm'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
    );
    expect(errorOf(() => parseRunFilter("params.x > 'a'")).message).toBe("Invalid comparator '>' not one of '{'!=', '=', 'LIKE', 'ILIKE'}'");
    expect(errorOf(() => parseRunFilter("metric.model = 'LR'")).message).toBe("Expected numeric value type for metric. Found 'LR'");
  });

  it('treats an absent or empty filter as no clause', () => {
    expect(parseRunFilter(undefined)).toEqual([]);
    expect(parseRunFilter(null)).toEqual([]);
    expect(parseRunFilter('   ')).toEqual([]);
  });
});

const ORDER_VALID: Array<[string, RunOrderTerm]> = [
  ['tags.noSuchTag', { type: 'tag', key: 'noSuchTag', ascending: true }],
  ['attributes.status', { type: 'attribute', key: 'status', ascending: true }],
  ['attributes.start_time', { type: 'attribute', key: 'start_time', ascending: true }],
  ['metrics.key1 asc', { type: 'metric', key: 'key1', ascending: true }],
  ['metrics."key1"  desc', { type: 'metric', key: 'key1', ascending: false }],
  ['params.my_param', { type: 'param', key: 'my_param', ascending: true }],
  ['params.my_param aSc', { type: 'param', key: 'my_param', ascending: true }],
  ['attributes.status  ASC', { type: 'attribute', key: 'status', ascending: true }],
  ['attributes.status   DESC', { type: 'attribute', key: 'status', ascending: false }],
  ['params.`my_param` DESC', { type: 'param', key: 'my_param', ascending: false }],
  ['tags.tag1    DESC', { type: 'tag', key: 'tag1', ascending: false }],
  ['metrics.`Mean Square Error`', { type: 'metric', key: 'Mean Square Error', ascending: true }],
  ['metrics.`Mean Square Error` ASC', { type: 'metric', key: 'Mean Square Error', ascending: true }],
  ['metrics.`Mean Square Error` DESC', { type: 'metric', key: 'Mean Square Error', ascending: false }],
  ['metrics.loss DESC', { type: 'metric', key: 'loss', ascending: false }],
  ['params.lr ASC', { type: 'param', key: 'lr', ascending: true }],
  ['created DESC', { type: 'attribute', key: 'start_time', ascending: false }],
  ['end_time', { type: 'attribute', key: 'end_time', ascending: true }],
];

const ORDER_INVALID: Array<[string, string]> = [
  ['m.acc', 'Invalid entity type'],
  ['acc', 'Invalid attribute key'],
  ['attri.x', 'Invalid entity type'],
  ['`metrics.A', 'Invalid order_by clause'],
  ['`metrics.A`', 'Invalid entity type'],
  ['attribute.start', 'Invalid attribute key'],
  ['attribute.experiment_id', 'Invalid attribute key'],
  ['metrics.A != 1', 'Invalid order_by clause'],
  ['params.my_param ', 'Invalid order_by clause'],
  ['attribute.run_id ACS', 'Invalid ordering key'],
  ['attribute.run_id decs', 'Invalid ordering key'],
  ['', 'Invalid order_by clause'],
  ['metrics.a DESC extra', 'Invalid order_by clause'],
  ['datasets.name', "Invalid order_by entity type 'dataset'"],
];

describe('run search order_by: MLflow test cases', () => {
  it.each(ORDER_VALID)('%s', (orderBy, term) => {
    expect(parseRunOrderBy(orderBy)).toEqual(term);
  });

  it.each(ORDER_INVALID)('refuses %s', (orderBy, message) => {
    const e = errorOf(() => parseRunOrderBy(orderBy));
    expect(e.errorCode).toBe('INVALID_PARAMETER_VALUE');
    expect(e.message).toContain(message);
  });
});
