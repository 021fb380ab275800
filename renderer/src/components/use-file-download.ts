import { useEffect, useState } from 'react';

/**
 * Saves text the page made as a file download (a Blob behind a link with a file name), and keeps
 * that link so the file can be saved again. The Blob is freed when a new one replaces it or the
 * page closes.
 */
export function useFileDownload() {
  const [download, setDownload] = useState<{ url: string; fileName: string } | null>(null);
  useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);
  const save = (content: string, fileName: string, type: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    setDownload({ url, fileName });
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  };
  return { download, save };
}
