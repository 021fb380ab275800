import { useEffect, useState } from 'react';
import type { BrowseResult } from '../../../../shared/contract/files';
import type { AppError } from '../../../../shared/domain/errors';
import { useRpcQuery } from '../../data/rpc-query';
import { useDatasetsUi } from '../../stores/datasets/datasets-ui.store';

/**
 * The folder a picker shows while `open`: listed through the cache by path (files.browse, read
 * again on every opening since the disk may have changed), so a slow first listing landing late
 * can never replace the folder asked for since. While a new folder is read, or when it cannot be
 * listed, the last listing stays on screen beside the error.
 */
export function useFolderBrowser(open: boolean): { browse: BrowseResult | null; error: AppError | null; openDir(dir: string): void } {
  const dir = useDatasetsUi((s) => s.pickerDir);
  const openDir = useDatasetsUi((s) => s.setPickerDir);
  const forget = useDatasetsUi((s) => s.forgetPickerDir);
  const q = useRpcQuery('files.browse', dir ? { dir } : {}, { enabled: open });
  const [shown, setShown] = useState<BrowseResult | null>(null);
  if (q.data && q.data !== shown) setShown(q.data);
  // The folder remembered from last time is gone (moved, deleted, another machine): start at home.
  const gone = open && !shown && dir !== undefined && q.error?.code === 'FILE_NOT_FOUND';
  useEffect(() => {
    if (gone) forget();
  }, [gone, forget]);
  return { browse: q.data ?? shown, error: q.error, openDir };
}
