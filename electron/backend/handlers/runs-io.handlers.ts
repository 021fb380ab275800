import type { runsIoContract } from '../../../shared/contract/runs-io';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { exportRuns } from '../services/run-export/run-export.service';
import { importRuns } from '../services/run-import/run-import.service';

export const runsIoHandlers: Handlers<typeof runsIoContract, BackendContext> = {
  'runs.import': (input, ctx) => importRuns(ctx, input),
  'runs.export': (input, ctx) => exportRuns(ctx, input),
};
