import type { runsContract } from '../../../shared/contract/runs';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as history from '../services/metric-history.service';
import * as logging from '../services/run-logging.service';
import * as search from '../services/run-search.service';
import * as runs from '../services/runs.service';

export const runsHandlers: Handlers<typeof runsContract, BackendContext> = {
  'runs.list': (input, ctx) => search.listRuns(ctx, input),
  'runs.get': ({ id }, ctx) => runs.getRun(ctx, id),
  'runs.create': (input, ctx) => runs.createRun(ctx, input),
  'runs.update': ({ id, patch }, ctx) => runs.updateRun(ctx, id, patch),
  'runs.delete': ({ id }, ctx) => runs.deleteRun(ctx, id),
  'runs.restore': ({ id }, ctx) => runs.restoreRun(ctx, id),
  'runs.purge': ({ ids }, ctx) => runs.purgeRuns(ctx, ids),
  'runs.logBatch': (input, ctx) => logging.logBatch(ctx, input),
  'runs.logInputs': ({ runId, datasets }, ctx) => logging.logInputs(ctx, runId, datasets),
  'runs.setTag': ({ runId, key, value }, ctx) => logging.setRunTag(ctx, runId, key, value),
  'runs.deleteTag': ({ runId, key }, ctx) => logging.deleteRunTag(ctx, runId, key),
  'runs.setCompute': ({ id, compute }, ctx) => runs.setRunCompute(ctx, id, compute),
  'runs.setNotes': ({ id, notes }, ctx) => runs.setRunNotes(ctx, id, notes),
  'runs.metricHistory': (input, ctx) => history.metricHistory(ctx, input),
  'runs.compare': (input, ctx) => history.compareRuns(ctx, input),
};
