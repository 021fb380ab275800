import type { ledgerContract } from '../../../shared/contract/ledger';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as ledger from '../services/ledger.service';

export const ledgerHandlers: Handlers<typeof ledgerContract, BackendContext> = {
  'ledger.list': (input, ctx) => ledger.listLedger(ctx, input),
  'ledger.add': (input, ctx) => ledger.addLedgerEntry(ctx, input),
  'ledger.update': ({ id, patch }, ctx) => ledger.updateLedgerEntry(ctx, id, patch),
  'ledger.delete': ({ id }, ctx) => ledger.deleteLedgerEntry(ctx, id),
  'ledger.importBill': (input, ctx) => ledger.importBill(ctx, input),
};
