import type { filesContract } from '../../../shared/contract/files';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as files from '../services/files.service';

export const filesHandlers: Handlers<typeof filesContract, BackendContext> = {
  'files.browse': (input) => files.browse(input),
};
