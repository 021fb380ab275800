/** What the crash-consistency child writes and announces, shared by the child and the suite. */
export const POINTS_PER_BATCH = 250;
export const METRIC_KEY = 'loss';

/** The value of point `step`: exact in a double and different for every step. */
export const pointValue = (step: number): number => step / 8 + 0.5;

/** One line of the child's stdout. */
export type WriterEvent =
  | { t: 'ready' }
  | { t: 'phase'; kind: 'check'; phase: string }
  | { t: 'begin'; kind: 'check'; taskId: string; projectId: string }
  | { t: 'begin'; kind: 'batch'; runId: string; batch: number }
  | { t: 'ack'; kind: 'batch'; runId: string; batch: number }
  | { t: 'ack'; kind: 'project'; id: string; name: string; budgetCents: number }
  | { t: 'ack'; kind: 'scenario'; id: string; projectId: string; name: string; p50CostCents: number }
  | { t: 'ack'; kind: 'dataset'; id: string; projectId: string; hash: string }
  | { t: 'ack'; kind: 'check'; id: string; projectId: string; datasetId: string; hash: string }
  | { t: 'ack'; kind: 'experiment'; id: string; projectId: string; name: string }
  | { t: 'ack'; kind: 'run'; id: string; experimentId: string }
  | { t: 'ack'; kind: 'ledger'; id: string; projectId: string; amountCents: number; description: string };
