import { create } from 'zustand';
import type { SystemInfo } from '../../../shared/contract/system';
import { api } from '../api/client';

interface SystemState {
  info: SystemInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useSystem = create<SystemState>((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await api().call('system.info', {}), error: null });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
