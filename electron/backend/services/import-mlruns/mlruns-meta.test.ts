import { describe, expect, it } from 'vitest';
import { parseExperimentMeta, parseRunMeta, parseRunStatus } from './mlruns-meta';

// As MLflow 2.x's FileStore writes them (PyYAML safe_dump, keys sorted).
const EXPERIMENT = `artifact_location: file:///home/ana/mlruns/412
creation_time: 1732950000123
experiment_id: '412'
last_update_time: 1732950000456
lifecycle_stage: active
name: resnet-sweep
`;

const RUN = `artifact_uri: file:///home/ana/mlruns/412/0f3c9a1b2c3d4e5f60718293a4b5c6d7/artifacts
deleted_time: null
end_time: 1732953600000
entry_point_name: ''
experiment_id: '412'
lifecycle_stage: active
run_id: 0f3c9a1b2c3d4e5f60718293a4b5c6d7
run_name: bold-sheep-42
run_uuid: 0f3c9a1b2c3d4e5f60718293a4b5c6d7
source_name: ''
source_type: 4
source_version: ''
start_time: 1732950000000
status: 3
tags: []
user_id: ana
`;

describe('experiment meta.yaml', () => {
  it('reads what MLflow 2.x writes', () => {
    expect(parseExperimentMeta(EXPERIMENT)).toEqual({
      ok: true,
      value: { experimentId: '412', name: 'resnet-sweep', artifactLocation: 'file:///home/ana/mlruns/412', lifecycleStage: 'active', creationTime: 1732950000123, lastUpdateTime: 1732950000456 },
    });
  });

  it('reads MLflow 1.x files: an int experiment_id, no times, no lifecycle', () => {
    const r = parseExperimentMeta('artifact_location: ./mlruns/0\nexperiment_id: 0\nname: Default\n');
    expect(r).toEqual({ ok: true, value: { experimentId: '0', name: 'Default', artifactLocation: './mlruns/0', lifecycleStage: 'active', creationTime: null, lastUpdateTime: null } });
  });

  it('keeps a name YAML would read as a number or a boolean as it was written', () => {
    const r = parseExperimentMeta("experiment_id: '3'\nname: 1e5\n");
    expect(r.ok && r.value.name).toBe('1e5');
  });

  it('names the line of a YAML error and the field that is missing or wrong', () => {
    expect(parseExperimentMeta("experiment_id: '1'\nname: [unclosed\nlifecycle_stage: active\n")).toMatchObject({ ok: false, problem: { line: expect.any(Number), reason: expect.stringMatching(/^not valid YAML/) } });
    expect(parseExperimentMeta("experiment_id: '1'\n")).toEqual({ ok: false, problem: { line: null, field: 'name', reason: 'name is missing' } });
    expect(parseExperimentMeta("experiment_id: '1'\nname: x\nlifecycle_stage: gone\n")).toEqual({ ok: false, problem: { line: 3, field: 'lifecycle_stage', reason: 'lifecycle_stage is "gone"; MLflow writes active or deleted' } });
    expect(parseExperimentMeta("experiment_id: '1'\nname: x\ncreation_time: yesterday\n")).toMatchObject({ ok: false, problem: { line: 3, field: 'creation_time' } });
    expect(parseExperimentMeta('')).toEqual({ ok: false, problem: { line: null, field: null, reason: 'the file is empty' } });
    expect(parseExperimentMeta('- a\n- b\n')).toMatchObject({ ok: false, problem: { line: 1 } });
  });
});

describe('run meta.yaml', () => {
  it('reads what MLflow 2.x writes, status as its enum number', () => {
    expect(parseRunMeta(RUN)).toEqual({
      ok: true,
      value: {
        runId: '0f3c9a1b2c3d4e5f60718293a4b5c6d7',
        runName: 'bold-sheep-42',
        experimentId: '412',
        userId: 'ana',
        status: 'FINISHED',
        startTime: 1732950000000,
        endTime: 1732953600000,
        lifecycleStage: 'active',
        deletedTime: null,
        artifactUri: 'file:///home/ana/mlruns/412/0f3c9a1b2c3d4e5f60718293a4b5c6d7/artifacts',
      },
    });
  });

  it('reads old files: run_uuid only, no run_name, no lifecycle_stage, an int experiment id, a running run without end_time', () => {
    const r = parseRunMeta('experiment_id: 0\nrun_uuid: 00000000000000000000000000000abc\nstart_time: 5\nstatus: 1\nuser_id: bo\n');
    expect(r).toMatchObject({ ok: true, value: { runId: '00000000000000000000000000000abc', runName: null, experimentId: '0', status: 'RUNNING', endTime: null, lifecycleStage: 'active' } });
  });

  it('takes the status by name too, and a deleted run with its deleted_time', () => {
    const r = parseRunMeta("experiment_id: '1'\nrun_id: a\nstatus: KILLED\nlifecycle_stage: deleted\ndeleted_time: 99\n");
    expect(r).toMatchObject({ ok: true, value: { status: 'KILLED', lifecycleStage: 'deleted', deletedTime: 99 } });
  });

  it('refuses an unknown status and a missing run id, naming the field and line', () => {
    expect(parseRunMeta("experiment_id: '1'\nrun_id: a\nstatus: 9\n")).toMatchObject({ ok: false, problem: { line: 3, field: 'status' } });
    expect(parseRunMeta("experiment_id: '1'\nstatus: 3\n")).toMatchObject({ ok: false, problem: { field: 'run_id', reason: 'run_id (or run_uuid) is missing' } });
  });

  it('maps MLflow status numbers and names', () => {
    expect([1, 2, 3, 4, 5].map(parseRunStatus)).toEqual(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']);
    expect(parseRunStatus('finished')).toBe('FINISHED');
    expect(parseRunStatus('4')).toBe('FAILED');
    expect(parseRunStatus(0)).toBeNull();
    expect(parseRunStatus(undefined)).toBe('RUNNING');
  });
});
