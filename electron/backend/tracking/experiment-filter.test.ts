import { describe, expect, it } from 'vitest';
import { parseExperimentFilter, parseExperimentOrderBy } from './experiment-filter';
import { MlflowError } from './mlflow-error';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MlflowError);
    return (e as MlflowError).message;
  }
  throw new Error('expected an MlflowError');
}

describe('experiment search filter', () => {
  it.each([
    ["name LIKE '%x%'", [{ type: 'attribute', key: 'name', comparator: 'LIKE', value: '%x%' }]],
    ["attribute.name = 'Default'", [{ type: 'attribute', key: 'name', comparator: '=', value: 'Default' }]],
    ['name ilike "vision%"', [{ type: 'attribute', key: 'name', comparator: 'ILIKE', value: 'vision%' }]],
    ["tags.k = 'v'", [{ type: 'tag', key: 'k', comparator: '=', value: 'v' }]],
    ["tag.`tally.project` != 'x'", [{ type: 'tag', key: 'tally.project', comparator: '!=', value: 'x' }]],
    [
      "creation_time > 1700000000000 AND last_update_time <= 1800000000000 AND tags.team LIKE 'v%'",
      [
        { type: 'attribute', key: 'creation_time', comparator: '>', value: 1_700_000_000_000 },
        { type: 'attribute', key: 'last_update_time', comparator: '<=', value: 1_800_000_000_000 },
        { type: 'tag', key: 'team', comparator: 'LIKE', value: 'v%' },
      ],
    ],
  ])('%s', (filter, clauses) => {
    expect(parseExperimentFilter(filter)).toEqual(clauses);
  });

  it.each([
    ["attributes.name = 'x'", "Invalid entity type 'attributes'. Valid entity types are ('attribute', 'tag', 'tags')"],
    ["params.x = 'y'", "Invalid entity type 'params'"],
    ["experiment_id = '1'", "Invalid attribute key 'experiment_id' specified"],
    ["name > 'x'", "Invalid comparator '>'"],
    ["creation_time LIKE 'x'", 'Expected numeric value type for numeric attribute: creation_time'],
    ['creation_time LIKE 5', "Invalid comparator 'LIKE'"],
    ["tags.k > 'v'", "Invalid comparator '>'"],
    ['tags.k = 5', 'Expected a quoted string value for tag'],
    ["name = 'a' OR name = 'b'", 'Invalid clause(s) in filter string'],
    ["name IN ('a', 'b')", "Only the 'run_id' attribute supports comparison with a list"],
  ])('refuses %s', (filter, message) => {
    expect(messageOf(() => parseExperimentFilter(filter))).toContain(message);
  });

  it('parses order_by terms and refuses tags and unknown keys', () => {
    expect(parseExperimentOrderBy('name')).toEqual({ key: 'name', ascending: true });
    expect(parseExperimentOrderBy('creation_time DESC')).toEqual({ key: 'creation_time', ascending: false });
    expect(parseExperimentOrderBy('attribute.last_update_time asc')).toEqual({ key: 'last_update_time', ascending: true });
    expect(parseExperimentOrderBy('experiment_id')).toEqual({ key: 'experiment_id', ascending: true });
    expect(messageOf(() => parseExperimentOrderBy('tags.k'))).toBe('Invalid order_by entity: tag');
    expect(messageOf(() => parseExperimentOrderBy('lifecycle_stage'))).toContain("Invalid attribute key 'lifecycle_stage'");
    expect(messageOf(() => parseExperimentOrderBy('name sideways'))).toContain('Invalid ordering key');
  });
});
