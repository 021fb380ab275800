import type { estimateContract } from '../../../shared/contract/estimate';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as estimate from '../services/estimate.service';

export const estimateHandlers: Handlers<typeof estimateContract, BackendContext> = {
  'estimate.training': (input, ctx) => estimate.training(ctx, input),
  'estimate.optimal': (input, ctx) => estimate.optimal(ctx, input),
  'estimate.memory': (input, ctx) => estimate.memory(ctx, input),
  'estimate.inference': (input, ctx) => estimate.inference(ctx, input),
  'estimate.compare': ({ workload }, ctx) => estimate.compare(ctx, workload),
  'estimate.pilot': (input, ctx) => estimate.pilot(ctx, input),
};
