import { describe, expect, it } from 'vitest';
import { requestError } from './mlflow-proto';
import { requests, type RequestName } from './mlflow-requests';
import { matchRoute, queryToMessage, ROUTES } from './mlflow-routes';

function parse(name: RequestName, message: unknown) {
  const r = requests[name].safeParse(message);
  if (r.success) return { ok: true as const, value: r.data };
  const e = requestError(r.error);
  return { ok: false as const, status: e.status, code: e.errorCode, message: e.message };
}

describe('MLflow request messages (proto JSON rules)', () => {
  it('reads int64 fields as numbers or strings of digits, and enums by name or number', () => {
    expect(parse('searchRuns', { experiment_ids: ['1', '2'], max_results: '25', run_view_type: 2, order_by: ['metrics.loss DESC'] })).toEqual({
      ok: true,
      value: { experiment_ids: ['1', '2'], max_results: 25, run_view_type: 'DELETED_ONLY', order_by: ['metrics.loss DESC'] },
    });
    expect(parse('updateRun', { run_id: 'abc', status: 'FINISHED', end_time: 1764500000000 })).toMatchObject({
      ok: true,
      value: { run_id: 'abc', status: 'FINISHED', end_time: 1764500000000 },
    });
    expect(parse('updateRun', { run_id: 'abc', status: 4, end_time: '1764500000000' })).toMatchObject({ value: { status: 'FAILED', end_time: 1764500000000 } });
  });

  it('reads doubles as numbers, numeric strings and proto JSON specials', () => {
    const base = { run_id: 'r', key: 'loss', timestamp: 1 };
    expect(parse('logMetric', { ...base, value: 0.25 })).toMatchObject({ value: { value: 0.25 } });
    expect(parse('logMetric', { ...base, value: '1e-3' })).toMatchObject({ value: { value: 0.001 } });
    expect(parse('logMetric', { ...base, value: 'NaN' })).toMatchObject({ value: { value: NaN } });
    expect(parse('logMetric', { ...base, value: '-Infinity' })).toMatchObject({ value: { value: -Infinity } });
    expect(parse('logMetric', { ...base, value: 'lots' })).toMatchObject({ ok: false, status: 400, code: 'INVALID_PARAMETER_VALUE' });
  });

  it('ignores unknown fields and treats null as absent', () => {
    expect(parse('getExperimentByName', { experiment_name: 'x', surprise: { a: 1 } })).toEqual({ ok: true, value: { experiment_name: 'x' } });
    expect(parse('createRun', { experiment_id: '1', run_name: null, tags: null })).toEqual({ ok: true, value: { experiment_id: '1', tags: [] } });
  });

  it('takes run_uuid when run_id is absent, as older clients send it', () => {
    expect(parse('getRun', { run_uuid: 'abc' })).toEqual({ ok: true, value: { run_id: 'abc' } });
    expect(parse('getRun', { run_id: 'one', run_uuid: 'two' })).toEqual({ ok: true, value: { run_id: 'one' } });
  });

  it("words a missing required field as MLflow: \"Missing value for required parameter 'x'\"", () => {
    expect(parse('getRun', {})).toEqual({
      ok: false,
      status: 400,
      code: 'INVALID_PARAMETER_VALUE',
      message: "Missing value for required parameter 'run_id'. See the API docs for more information about request parameters.",
    });
    expect(parse('createExperiment', { name: '' })).toMatchObject({ message: expect.stringContaining("required parameter 'name'") });
    expect(parse('logBatch', { run_id: 'r', metrics: [{ key: 'a', value: 1 }] })).toMatchObject({
      message: expect.stringContaining("required parameter 'metrics[0].timestamp'"),
    });
  });

  it('names the field and the type of a wrongly typed value', () => {
    expect(parse('logParam', { run_id: 'r', key: 7, value: 'x' })).toMatchObject({
      message: "Invalid value 7 for parameter 'key' supplied. Hint: Value was of type 'int'. See the API docs for more information about request parameters.",
    });
    expect(parse('searchRuns', { max_results: 1.5 })).toMatchObject({ message: expect.stringContaining("parameter 'max_results'") });
    expect(parse('searchRuns', { experiment_ids: 'one' })).toMatchObject({ ok: false, message: expect.stringContaining("'experiment_ids'") });
    expect(parse('updateRun', { run_id: 'r', status: 'DONE' })).toMatchObject({ ok: false, message: expect.stringContaining("'status'") });
    expect(parse('logMetric', { run_id: 'r', key: 'k', value: 1, timestamp: '9007199254740993' })).toMatchObject({ ok: false });
  });
});

describe('GET query strings', () => {
  it('lists repeated fields (also spelled name[]) and keeps the first value of others', () => {
    const q = new URLSearchParams('order_by=name&order_by=creation_time+DESC&max_results=5&max_results=9&view_type=ALL&filter=name+LIKE+%27a%25%27');
    expect(queryToMessage('searchExperiments', q)).toEqual({
      order_by: ['name', 'creation_time DESC'],
      max_results: '5',
      view_type: 'ALL',
      filter: "name LIKE 'a%'",
    });
    expect(queryToMessage('getMetricHistoryBulkInterval', new URLSearchParams('run_ids[]=a&run_ids=b&metric_key=loss'))).toEqual({
      run_ids: ['a', 'b'],
      metric_key: 'loss',
    });
    expect(parse('searchExperiments', queryToMessage('searchExperiments', q))).toMatchObject({ ok: true, value: { max_results: 5, view_type: 'ALL' } });
  });
});

describe('route table', () => {
  it('serves every route under the three MLflow prefixes with its methods', () => {
    for (const prefix of ['/api/2.0/mlflow', '/ajax-api/2.0/mlflow', '/api/2.0/preview/mlflow']) {
      for (const r of ROUTES) {
        expect(matchRoute(r.methods[0]!, `${prefix}${r.path}`)).toEqual({ route: r });
      }
    }
    expect(matchRoute('GET', '/api/2.0/mlflow/experiments/search')).toMatchObject({ route: { name: 'searchExperiments' } });
    expect(matchRoute('POST', '/api/2.0/mlflow/experiments/search')).toMatchObject({ route: { name: 'searchExperiments' } });
  });

  it('answers an unknown path 404 and a wrong method 405, in MLflow error JSON', () => {
    expect(matchRoute('POST', '/api/2.0/mlflow/artifacts/list')).toMatchObject({ status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND' } });
    expect(matchRoute('GET', '/api/2.0/mlflow/runs/log-batch')).toMatchObject({ status: 405, body: { message: 'Use POST for /api/2.0/mlflow/runs/log-batch.' } });
    expect(matchRoute('DELETE', '/api/2.0/mlflow/runs/get')).toMatchObject({ status: 405 });
  });
});
