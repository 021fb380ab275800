import type { Contract } from '../../../shared/contract';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { projectsHandlers } from './projects.handlers';
import { systemHandlers } from './system.handlers';

/** One entry per contract procedure; the contract test checks the key sets are equal. */
export const handlers: Handlers<Contract, BackendContext> = {
  ...systemHandlers,
  ...projectsHandlers,
};
