import type { z } from 'zod';
import type { ColumnGuesses, Dataset, DatasetDetail, DatasetRegisterInput } from '../../../shared/contract/datasets';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';

const notYet = () => new AppError('UNSUPPORTED', 'Datasets are being built; this procedure is not available yet.');

export function registerDataset(_ctx: BackendContext, _input: z.output<typeof DatasetRegisterInput>): Promise<Dataset> {
  throw notYet();
}
export function listDatasets(_ctx: BackendContext, _projectId: string): Promise<Dataset[]> {
  throw notYet();
}
export function getDatasetDetail(_ctx: BackendContext, _id: string): Promise<DatasetDetail> {
  throw notYet();
}
export function relinkDataset(_ctx: BackendContext, _id: string, _path: string): Promise<Dataset> {
  throw notYet();
}
export function removeDataset(_ctx: BackendContext, _id: string): { id: string } {
  throw notYet();
}
export function guessDatasetColumns(_ctx: BackendContext, _id: string): ColumnGuesses {
  throw notYet();
}
