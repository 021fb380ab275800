import type { monitorsContract } from '../../../shared/contract/monitors';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as monitors from '../services/monitors.service';
import { sliceChoices } from '../services/monitor-slice-columns';

export const monitorsHandlers: Handlers<typeof monitorsContract, BackendContext> = {
  'monitors.create': (input, ctx) => monitors.createMonitor(ctx, input),
  'monitors.sliceChoices': ({ reference }, ctx) => sliceChoices(ctx, reference),
  'monitors.list': ({ projectId }, ctx) => monitors.listMonitors(ctx, projectId),
  'monitors.get': ({ id }, ctx) => monitors.getMonitorDetail(ctx, id),
  'monitors.addBatch': ({ monitorId, path }, ctx) => monitors.addBatch(ctx, monitorId, path),
  'monitors.rescan': ({ monitorId }, ctx) => monitors.rescan(ctx, monitorId),
  'monitors.status': ({ taskId }, ctx) => monitors.monitorTaskStatus(ctx, taskId),
  'monitors.cancel': ({ taskId }, ctx) => monitors.cancelMonitorTask(ctx, taskId),
  'monitors.delete': ({ id }, ctx) => monitors.deleteMonitor(ctx, id),
};
