import type { TrackingSetEnabledInput, TrackingStatus } from '../../../shared/contract/tracking';

/**
 * How the backend turns the MLflow tracking API on and off. The backend never opens a socket
 * itself: a host that can listen (the browser host, the desktop app) hands it a control; without
 * one (the CLI's one-shot commands, tests that do not ask) the API is reported unavailable.
 */
export interface TrackingControl {
  status(): TrackingStatus;
  setEnabled(input: TrackingSetEnabledInput): Promise<TrackingStatus>;
  /** Turns the listener back on when it was on when the workspace was last used (hosts call it at start). */
  resume(): Promise<TrackingStatus>;
  /** Stops the listener, waiting for requests in flight (the host calls it before closing the backend). */
  stop(): Promise<void>;
}

export const TRACKING_UNAVAILABLE: TrackingStatus = { available: false, enabled: false, url: null, port: null, envLines: [] };
