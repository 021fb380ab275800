import type { experimentsContract } from '../../../shared/contract/experiments';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as experiments from '../services/experiments.service';

export const experimentsHandlers: Handlers<typeof experimentsContract, BackendContext> = {
  'experiments.list': (input, ctx) => experiments.listExperiments(ctx, input),
  'experiments.get': (input, ctx) => ('id' in input ? experiments.getExperiment(ctx, input.id) : experiments.getExperimentByName(ctx, input.name)),
  'experiments.create': (input, ctx) => experiments.createExperiment(ctx, input),
  'experiments.update': ({ id, patch }, ctx) => experiments.updateExperiment(ctx, id, patch),
  'experiments.delete': ({ id }, ctx) => experiments.deleteExperiment(ctx, id),
  'experiments.restore': ({ id }, ctx) => experiments.restoreExperiment(ctx, id),
  'experiments.purge': ({ id }, ctx) => experiments.purgeExperiment(ctx, id),
  'experiments.move': ({ id, projectId }, ctx) => experiments.moveExperiment(ctx, id, projectId),
  'experiments.setTag': ({ id, key, value }, ctx) => experiments.setExperimentTag(ctx, id, key, value),
};
