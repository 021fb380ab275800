import type { useHtmlExport } from './use-html-export';

/** "Export to HTML", then "Download again" once the report was saved. */
export function ExportHtmlButton({ exporter }: { exporter: ReturnType<typeof useHtmlExport> }) {
  if (exporter.download) {
    return (
      <a className="button button--primary" href={exporter.download.url} download={exporter.download.fileName}>
        Download again
      </a>
    );
  }
  return (
    <button type="button" className="button" onClick={() => void exporter.start()}>
      Export to HTML
    </button>
  );
}
