import type { AppEvent } from '../../shared/contract/events';

/** A tiny synchronous fan-out; a listener that throws is dropped from nothing and logged by the caller. */
export class EventHub {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  subscribe(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent, onListenerError: (e: unknown) => void): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        onListenerError(e);
      }
    }
  }
}
