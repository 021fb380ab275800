import type { datasetsContract } from '../../../shared/contract/datasets';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as datasets from '../services/datasets.service';

export const datasetsHandlers: Handlers<typeof datasetsContract, BackendContext> = {
  'datasets.register': (input, ctx) => datasets.registerDataset(ctx, input),
  'datasets.list': ({ projectId }, ctx) => datasets.listDatasets(ctx, projectId),
  'datasets.get': ({ id }, ctx) => datasets.getDatasetDetail(ctx, id),
  'datasets.relink': ({ id, path }, ctx) => datasets.relinkDataset(ctx, id, path),
  'datasets.remove': ({ id }, ctx) => datasets.removeDataset(ctx, id),
  'datasets.guessColumns': ({ datasetId }, ctx) => datasets.guessDatasetColumns(ctx, datasetId),
};
