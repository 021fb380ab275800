import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { useRpcMutation, type MutationOpts } from '../data/rpc-query';
import { useSingleFlight } from './single-flight';

/**
 * Every write a form or button starts goes through this: one at a time. `submit` drops a call
 * made while one is in flight, so a double click (or Enter pressed twice) writes once even
 * before React has redrawn the button; `busy` stays true from the click until the reads the
 * write changed are fresh again, so the control is disabled meanwhile (`disabled={x.busy}`).
 * A failure is not thrown: it is in `error` (the backend's AppError), as with `mutate`.
 */
export function useSubmit<N extends ProcedureName>(name: N, opts: MutationOpts<N> = {}) {
  const mutation = useRpcMutation(name, opts);
  const flight = useSingleFlight(async (input: Input<N>, then?: (value: Output<N>) => void) => {
    let value: Output<N>;
    try {
      value = await mutation.mutateAsync(input);
    } catch {
      return;
    }
    then?.(value);
  });
  return {
    /** Starts the write unless one is in flight; `then` runs once it succeeded and the screen is fresh. */
    submit: flight.run,
    busy: flight.busy || mutation.isPending,
    /** The last write succeeded (and no other started since). */
    succeeded: mutation.isSuccess,
    error: mutation.error,
    /** Forgets the last error (e.g. when its form is closed). */
    reset: mutation.reset,
  };
}
