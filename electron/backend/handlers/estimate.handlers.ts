import type { estimateContract } from '../../../shared/contract/estimate';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as estimate from '../services/estimate.service';
import { requireFiniteResult } from '../../../shared/budget/finite-result';

export const estimateHandlers: Handlers<typeof estimateContract, BackendContext> = {
  'estimate.training': (input, ctx) => requireFiniteResult(estimate.training(ctx, input), 'a training estimate'),
  'estimate.optimal': (input, ctx) => requireFiniteResult(estimate.optimal(ctx, input), 'a compute-optimal size'),
  'estimate.memory': (input, ctx) => requireFiniteResult(estimate.memory(ctx, input), 'a memory estimate'),
  'estimate.inference': (input, ctx) => requireFiniteResult(estimate.inference(ctx, input), 'an inference estimate'),
  'estimate.compare': ({ workload }, ctx) => requireFiniteResult(estimate.compare(ctx, workload), 'a comparison'),
  'estimate.pilot': (input, ctx) => requireFiniteResult(estimate.pilot(ctx, input), 'an extrapolation'),
};
