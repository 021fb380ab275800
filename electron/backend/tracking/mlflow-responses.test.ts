import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, offsetOf } from './page-token';
import { experimentJson, nextPageToken, responses, runInfoJson, runJson } from './mlflow-responses';
import type { Cursor, RunRecord } from './tracking-store';

const RUN: RunRecord = {
  info: {
    runId: '0123456789abcdef0123456789abcdef',
    runName: 'lr-0.01',
    experimentId: '3',
    userId: 'ana',
    status: 'RUNNING',
    startTime: 1764493200000,
    endTime: null,
    artifactUri: '',
    lifecycleStage: 'active',
  },
  data: {
    metrics: [
      { key: 'loss', value: 0.25, timestamp: 1764493260000, step: 10 },
      { key: 'grad', value: NaN, timestamp: 1764493260000, step: 10 },
      { key: 'ppl', value: Infinity, timestamp: 1764493260000, step: 10 },
    ],
    params: [{ key: 'lr', value: '0.01' }],
    tags: [{ key: 'mlflow.runName', value: 'lr-0.01' }],
  },
  inputs: { datasetInputs: [{ dataset: { name: 'train', digest: 'abc', sourceType: 'local', source: '/d/train.csv' }, tags: [{ key: 'mlflow.data.context', value: 'train' }] }] },
};

describe('MLflow response shapes', () => {
  it('shapes a run as MLflow does: string ids, run_id and run_uuid, key/value arrays, proto JSON doubles', () => {
    const json = runJson(RUN);
    expect(json).toEqual({
      info: {
        run_id: '0123456789abcdef0123456789abcdef',
        run_uuid: '0123456789abcdef0123456789abcdef',
        run_name: 'lr-0.01',
        experiment_id: '3',
        user_id: 'ana',
        status: 'RUNNING',
        start_time: 1764493200000,
        artifact_uri: '',
        lifecycle_stage: 'active',
      },
      data: {
        metrics: [
          { key: 'loss', value: 0.25, timestamp: 1764493260000, step: 10 },
          { key: 'grad', value: 'NaN', timestamp: 1764493260000, step: 10 },
          { key: 'ppl', value: 'Infinity', timestamp: 1764493260000, step: 10 },
        ],
        params: [{ key: 'lr', value: '0.01' }],
        tags: [{ key: 'mlflow.runName', value: 'lr-0.01' }],
      },
      inputs: {
        dataset_inputs: [{ tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset: { name: 'train', digest: 'abc', source_type: 'local', source: '/d/train.csv' } }],
      },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(responses.getRun.parse({ run: json })).toEqual({ run: json });
  });

  it('leaves end_time out while a run is running and gives it once it ended', () => {
    expect(runInfoJson(RUN.info)).not.toHaveProperty('end_time');
    expect(runInfoJson({ ...RUN.info, status: 'FINISHED', endTime: 1764496800000 })).toMatchObject({ status: 'FINISHED', end_time: 1764496800000 });
  });

  it('shapes an experiment with its lifecycle stage and tags', () => {
    const json = experimentJson({
      experimentId: '0',
      name: 'Default',
      artifactLocation: '',
      lifecycleStage: 'active',
      creationTime: 1,
      lastUpdateTime: 2,
      tags: [{ key: 'tally.project', value: 'Vision' }],
    });
    expect(json).toEqual({
      experiment_id: '0',
      name: 'Default',
      artifact_location: '',
      lifecycle_stage: 'active',
      last_update_time: 2,
      creation_time: 1,
      tags: [{ key: 'tally.project', value: 'Vision' }],
    });
    expect(responses.getExperiment.safeParse({ experiment: json }).success).toBe(true);
  });

  it('answers log calls with an empty object and nothing else', () => {
    expect(responses.logBatch.safeParse({}).success).toBe(true);
    expect(responses.logBatch.safeParse({ ok: true }).success).toBe(false);
  });
});

describe('page tokens', () => {
  it("gives next_page_token only when there is a next page, in MLflow's base64 JSON form", () => {
    expect(nextPageToken(null)).toEqual({});
    const { next_page_token } = nextPageToken({ offset: 100 });
    expect(next_page_token).toBe(Buffer.from('{"offset":100}').toString('base64'));
    expect(offsetOf(decodePageToken(next_page_token))).toBe(100);
    expect(decodePageToken(encodePageToken({ after: [3, 1764493260000] }))).toEqual({ after: [3, 1764493260000] });
  });

  it('refuses a token that is not base64 JSON, or whose offset is not positive, with MLflow messages', () => {
    expect(() => decodePageToken('not base64')).toThrow('Invalid page token, could not base64-decode');
    expect(() => decodePageToken(Buffer.from('not json').toString('base64'))).toThrow('Invalid page token, decoded value=not json');
    for (const cursor of [{}, { offset: 'a' }, { offsoot: 7 }, { offset: 0 }, { offset: -5 }, [1]] as Cursor[]) {
      expect(() => offsetOf(cursor)).toThrow('Invalid page token, parsed value=');
    }
    expect(offsetOf(null)).toBe(0);
  });
});
