import type { Output } from '../../../../../shared/contract';

export type RunComparisonValue = Output<'runs.compare'>;
