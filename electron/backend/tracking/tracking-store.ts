import type { ExperimentFilterClause, ExperimentOrderTerm, RunFilterClause, RunOrderTerm } from './search-ast';

/**
 * The narrow interface the MLflow protocol layer calls. It speaks MLflow's concepts (experiment
 * and run records, view types, page cursors) in plain JSON-safe values; an adapter maps it onto
 * Tally's runs store. Methods either return their value or a promise of it. Errors are
 * MlflowError (the adapter translates the store's AppErrors), so the route layer sends them as
 * they are.
 */

export type MaybePromise<T> = T | Promise<T>;
export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
export type LifecycleStage = 'active' | 'deleted';
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

export interface KeyValue {
  key: string;
  value: string;
}

/** One metric point. value may be NaN or ±Infinity (MLflow keeps them). */
export interface MetricPoint {
  key: string;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  step: number;
}

export interface ExperimentRecord {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  tags: KeyValue[];
}

export interface RunInfoRecord {
  runId: string;
  runName: string;
  experimentId: string;
  userId: string;
  status: RunStatus;
  startTime: number;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
}

export interface DatasetInputRecord {
  dataset: { name: string; digest: string; sourceType: string; source: string; schema?: string; profile?: string };
  tags: KeyValue[];
}

export interface RunRecord {
  info: RunInfoRecord;
  /** metrics: the latest point of each key (latest timestamp, then largest step). */
  data: { metrics: MetricPoint[]; params: KeyValue[]; tags: KeyValue[] };
  inputs: { datasetInputs: DatasetInputRecord[] };
}

/** A JSON value a store hands out to resume a listing; the protocol layer wraps it in a token. */
export type Cursor = null | boolean | number | string | Cursor[] | { [key: string]: Cursor };

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null when this page is the last. */
  next: Cursor;
}

/** Where a listing starts: null for the first page, else a cursor this store handed out. */
export interface PageRequest {
  maxResults: number;
  after: Cursor;
}

export interface TrackingStore {
  createExperiment(req: { name: string; artifactLocation: string | null; tags: KeyValue[] }): MaybePromise<string>;
  getExperiment(experimentId: string): MaybePromise<ExperimentRecord>;
  /** null when no experiment has this name (the route answers 404, and clients then create it). */
  getExperimentByName(name: string): MaybePromise<ExperimentRecord | null>;
  searchExperiments(
    req: { viewType: ViewType; filter: ExperimentFilterClause[]; orderBy: ExperimentOrderTerm[] } & PageRequest,
  ): MaybePromise<Page<ExperimentRecord>>;
  renameExperiment(experimentId: string, newName: string): MaybePromise<void>;
  deleteExperiment(experimentId: string): MaybePromise<void>;
  restoreExperiment(experimentId: string): MaybePromise<void>;
  setExperimentTag(experimentId: string, tag: KeyValue): MaybePromise<void>;

  createRun(req: { experimentId: string; userId: string; runName: string | null; startTime: number | null; tags: KeyValue[] }): MaybePromise<RunRecord>;
  getRun(runId: string): MaybePromise<RunRecord>;
  updateRun(runId: string, patch: { status?: RunStatus; endTime?: number; runName?: string }): MaybePromise<RunInfoRecord>;
  deleteRun(runId: string): MaybePromise<void>;
  restoreRun(runId: string): MaybePromise<void>;
  /** Resolves once the points are committed: a 200 is only sent after that. */
  logBatch(runId: string, batch: { metrics: MetricPoint[]; params: KeyValue[]; tags: KeyValue[] }): MaybePromise<void>;
  deleteTag(runId: string, key: string): MaybePromise<void>;
  logInputs(runId: string, datasets: DatasetInputRecord[]): MaybePromise<void>;
  searchRuns(
    req: { experimentIds: string[]; filter: RunFilterClause[]; orderBy: RunOrderTerm[]; viewType: ViewType } & PageRequest,
  ): MaybePromise<Page<RunRecord>>;
  /** Points of one key in (step, timestamp) order; maxResults null means all of them. */
  getMetricHistory(runId: string, key: string, page: { maxResults: number | null; after: Cursor }): MaybePromise<Page<MetricPoint>>;
}
