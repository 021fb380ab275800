import type { catalogContract } from '../../../shared/contract/catalog';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as catalog from '../services/catalog.service';

export const catalogHandlers: Handlers<typeof catalogContract, BackendContext> = {
  'catalog.list': (input, ctx) => catalog.listCatalog(ctx, input),
  'catalog.get': ({ kind, id }, ctx) => catalog.getCatalogEntry(ctx, kind, id),
  'catalog.upsert': ({ kind, row }, ctx) => catalog.upsertCatalogRow(ctx, kind, row),
  'catalog.reset': ({ kind, id }, ctx) => catalog.resetCatalogRow(ctx, kind, id),
  'catalog.delete': ({ kind, id }, ctx) => catalog.deleteCatalogRow(ctx, kind, id),
  'catalog.import': (input, ctx) => catalog.importCatalog(ctx, input),
  'catalog.export': (input, ctx) => catalog.exportCatalog(ctx, input),
};
