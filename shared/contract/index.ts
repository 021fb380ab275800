import { projectsContract } from './projects';
import { systemContract } from './system';
import { filesContract } from './files';
import { datasetsContract } from './datasets';
import { checksContract } from './checks';
import { estimateContract } from './estimate';
import { catalogContract } from './catalog';
import { scenariosContract } from './scenarios';
import { experimentsContract } from './experiments';
import { runsContract } from './runs';
import { ledgerContract } from './ledger';
import { ratesContract } from './rates';
import { runsViewsContract } from './runs-views';
import { trackingContract } from './tracking';
import { evaluationsContract } from './evaluations';
import { monitorsContract } from './monitors';
import { runsIoContract } from './runs-io';
import { budgetContract } from './budget';
import type { ContractShape, InputOf, OutputOf } from './define';

/**
 * THE API. Every procedure the UI, the CLI and scripts may call, named `domain.verb`. The
 * dispatcher refuses any name not listed here, and tests check handlers cover exactly this set.
 */
export const contract = {
  ...systemContract,
  ...projectsContract,
  ...estimateContract,
  ...catalogContract,
  ...scenariosContract,
  ...filesContract,
  ...datasetsContract,
  ...checksContract,
  ...experimentsContract,
  ...runsContract,
  ...ledgerContract,
  ...ratesContract,
  ...runsViewsContract,
  ...trackingContract,
  ...evaluationsContract,
  ...monitorsContract,
  ...runsIoContract,
  ...budgetContract,
} as const satisfies ContractShape;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type Input<N extends ProcedureName> = InputOf<Contract[N]>;
export type Output<N extends ProcedureName> = OutputOf<Contract[N]>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
