import { useEffect, useState } from 'react';
import { asErrorData, type AppErrorData } from '../../../shared/domain/errors';

/**
 * An HTML report downloaded from the page: `start` reads it (through `load`), saves it at once,
 * and keeps a link to save it again. The Blob is freed when a new one replaces it or the page closes.
 */
export function useHtmlExport(load: () => Promise<{ html: string; fileName: string }>) {
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);
  const start = async () => {
    setError(null);
    try {
      const { html, fileName } = await load();
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      setDownload({ url, fileName });
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
    } catch (e) {
      setError(asErrorData(e));
    }
  };
  return { download, error, start };
}
