import type { budgetContract } from '../../../shared/contract/budget';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as budget from '../services/budget.service';
import { budgetPareto } from '../services/budget-pareto';
import { budgetPlan } from '../services/budget-plan';

export const budgetHandlers: Handlers<typeof budgetContract, BackendContext> = {
  'budget.status': (input, ctx) => budget.budgetStatusOf(ctx, input),
  'budget.plan': (input, ctx) => budgetPlan(ctx, input),
  'budget.pareto': (input, ctx) => budgetPareto(ctx, input),
  'budget.alerts': (input, ctx) => budget.allAlerts(ctx, input),
};
