import type { scenariosContract } from '../../../shared/contract/scenarios';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as scenarios from '../services/scenarios.service';

export const scenariosHandlers: Handlers<typeof scenariosContract, BackendContext> = {
  'scenarios.list': ({ projectId }, ctx) => scenarios.listScenarios(ctx, projectId),
  'scenarios.get': ({ id }, ctx) => scenarios.getScenario(ctx, id),
  'scenarios.create': (input, ctx) => scenarios.createScenario(ctx, input),
  'scenarios.update': ({ id, patch }, ctx) => scenarios.updateScenario(ctx, id, patch),
  'scenarios.duplicate': ({ id, name }, ctx) => scenarios.duplicateScenario(ctx, id, name),
  'scenarios.delete': ({ id }, ctx) => scenarios.deleteScenario(ctx, id),
  'scenarios.setAsBudget': (input, ctx) => scenarios.setAsBudget(ctx, input),
};
