import type { z } from 'zod';
import type { Assumptions as AssumptionsSchema, SensitivityEntry as SensitivitySchema } from '../../../../shared/contract/estimate';

/** The contract's assumption and sensitivity shapes, as the formatters read them. */
export type Assumptions = z.infer<typeof AssumptionsSchema>;
export type SensitivityEntry = z.infer<typeof SensitivitySchema>;
