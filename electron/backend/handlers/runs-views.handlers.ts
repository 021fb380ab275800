import type { runsViewsContract } from '../../../shared/contract/runs-views';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { listRunKeys, runSeries } from '../services/run-keys-series.service';

export const runsViewsHandlers: Handlers<typeof runsViewsContract, BackendContext> = {
  'runs.keys': (input, ctx) => listRunKeys(ctx, input),
  'runs.series': (input, ctx) => runSeries(ctx, input),
};
