import type { Contract } from '../../../shared/contract';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { projectsHandlers } from './projects.handlers';
import { systemHandlers } from './system.handlers';
import { estimateHandlers } from './estimate.handlers';
import { catalogHandlers } from './catalog.handlers';
import { scenariosHandlers } from './scenarios.handlers';
import { filesHandlers } from './files.handlers';
import { datasetsHandlers } from './datasets.handlers';
import { checksHandlers } from './checks.handlers';
import { experimentsHandlers } from './experiments.handlers';
import { runsHandlers } from './runs.handlers';
import { ledgerHandlers } from './ledger.handlers';
import { ratesHandlers } from './rates.handlers';
import { runsViewsHandlers } from './runs-views.handlers';
import { trackingHandlers } from './tracking.handlers';
import { evaluationsHandlers } from './evaluations.handlers';
import { monitorsHandlers } from './monitors.handlers';
import { runsIoHandlers } from './runs-io.handlers';
import { budgetHandlers } from './budget.handlers';

/** One entry per contract procedure; the contract test checks the key sets are equal. */
export const handlers: Handlers<Contract, BackendContext> = {
  ...systemHandlers,
  ...projectsHandlers,
  ...estimateHandlers,
  ...catalogHandlers,
  ...scenariosHandlers,
  ...filesHandlers,
  ...datasetsHandlers,
  ...checksHandlers,
  ...experimentsHandlers,
  ...runsHandlers,
  ...ledgerHandlers,
  ...ratesHandlers,
  ...runsViewsHandlers,
  ...trackingHandlers,
  ...evaluationsHandlers,
  ...monitorsHandlers,
  ...runsIoHandlers,
  ...budgetHandlers,
};
