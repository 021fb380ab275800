import type { ratesContract } from '../../../shared/contract/rates';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as rates from '../services/rates.service';

export const ratesHandlers: Handlers<typeof ratesContract, BackendContext> = {
  'rates.list': ({ projectId }, ctx) => rates.listRates(ctx, projectId),
  'rates.set': (input, ctx) => rates.setRate(ctx, input),
  'rates.delete': ({ projectId, hardwareId }, ctx) => rates.deleteRate(ctx, projectId, hardwareId),
};
