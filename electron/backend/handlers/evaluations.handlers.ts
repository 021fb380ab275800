import type { evaluationsContract } from '../../../shared/contract/evaluations';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import { compareEvaluations } from '../services/evaluation-compare';
import { thresholdWithCosts } from '../services/evaluation-threshold';
import * as evaluations from '../services/evaluations.service';

export const evaluationsHandlers: Handlers<typeof evaluationsContract, BackendContext> = {
  'evaluations.guessRoles': ({ path }) => evaluations.guessEvaluationRoles(path),
  'evaluations.start': (input, ctx) => evaluations.startEvaluation(ctx, input),
  'evaluations.cancel': ({ taskId }, ctx) => evaluations.cancelEvaluation(ctx, taskId),
  'evaluations.status': ({ taskId }, ctx) => evaluations.evaluationStatus(ctx, taskId),
  'evaluations.get': ({ id }, ctx) => evaluations.mustGetEvaluation(ctx, id),
  'evaluations.list': ({ projectId }, ctx) => evaluations.listEvaluations(ctx, projectId),
  'evaluations.delete': ({ id }, ctx) => evaluations.deleteEvaluation(ctx, id),
  'evaluations.rename': ({ id, name }, ctx) => evaluations.renameEvaluation(ctx, id, name),
  'evaluations.link': (input, ctx) => evaluations.linkEvaluation(ctx, input),
  'evaluations.threshold': ({ id, costs }, ctx) => thresholdWithCosts(ctx, id, costs),
  'evaluations.exportHtml': ({ id }, ctx) => evaluations.exportEvaluationHtml(ctx, id),
  'evaluations.compare': (input, ctx) => compareEvaluations(ctx, input),
};
