import type { checksContract } from '../../../shared/contract/checks';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as checks from '../services/checks.service';

export const checksHandlers: Handlers<typeof checksContract, BackendContext> = {
  'checks.start': (input, ctx) => checks.startCheck(ctx, input),
  'checks.cancel': ({ taskId }, ctx) => checks.cancelCheck(ctx, taskId),
  'checks.status': ({ taskId }, ctx) => checks.checkStatus(ctx, taskId),
  'checks.get': ({ runId }, ctx) => checks.getRun(ctx, runId),
  'checks.list': ({ projectId }, ctx) => checks.listRuns(ctx, projectId),
  'checks.latest': ({ projectId }, ctx) => checks.latestRun(ctx, projectId),
  'checks.exportHtml': ({ runId }, ctx) => checks.exportRunHtml(ctx, runId),
  'checks.saveHtml': ({ runId, folder }, ctx) => checks.saveRunHtml(ctx, runId, folder),
};
