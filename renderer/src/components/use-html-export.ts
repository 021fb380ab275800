import { useState } from 'react';
import { asErrorData, type AppErrorData } from '../../../shared/domain/errors';
import { useFileDownload } from './use-file-download';

/**
 * An HTML report downloaded from the page: `start` reads it (through `load`), saves it at once,
 * and keeps a link to save it again.
 */
export function useHtmlExport(load: () => Promise<{ html: string; fileName: string }>) {
  const { download, save } = useFileDownload();
  const [error, setError] = useState<AppErrorData | null>(null);
  const start = async () => {
    setError(null);
    try {
      const { html, fileName } = await load();
      save(html, fileName, 'text/html');
    } catch (e) {
      setError(asErrorData(e));
    }
  };
  return { download, error, start };
}
