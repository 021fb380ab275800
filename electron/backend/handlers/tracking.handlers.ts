import type { trackingContract } from '../../../shared/contract/tracking';
import { AppError } from '../../../shared/domain/errors';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { TRACKING_UNAVAILABLE } from '../tracking/tracking-control';

export const trackingHandlers: Handlers<typeof trackingContract, BackendContext> = {
  'tracking.status': (_input, ctx) => ctx.trackingControl?.status() ?? TRACKING_UNAVAILABLE,
  'tracking.setEnabled': async (input, ctx) => {
    if (!ctx.trackingControl) {
      throw new AppError('UNSUPPORTED', 'This Tally cannot open the MLflow tracking API from here. Start it with: tally serve --tracking-port 5000');
    }
    const status = await ctx.trackingControl.setEnabled(input);
    ctx.emit({ type: 'tracking.changed', payload: { enabled: status.enabled } });
    return status;
  },
};
