import { useSyncExternalStore } from 'react';
import { ACCESS_LOST_MESSAGE, isAccessLost, onAccessLost } from '../api/access';

/** Whether the browser host has refused this tab's token (it restarted with a new one). */
export function useAccessLost(): boolean {
  return useSyncExternalStore(onAccessLost, isAccessLost);
}

export { ACCESS_LOST_MESSAGE };
