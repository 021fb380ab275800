import { useState } from 'react';
import type { SavedReport } from '../../../../../shared/contract/checks';
import { ErrorBanner } from '../../../components/ErrorBanner';
import type { useHtmlExport } from '../../../components/use-html-export';
import { useSubmit } from '../../../components/use-submit';
import { FilePickerDialog } from '../../datasets/FilePickerDialog';

/**
 * Saving the report as HTML into a folder the person picks (the picker opens where files were
 * last picked), then saying the file's name and the folder it went to: a browser download never
 * tells the page where it landed. The browser download stays as a second way.
 */
export function useReportSave(runId: string) {
  const [picking, setPicking] = useState(false);
  const [saved, setSaved] = useState<SavedReport | null>(null);
  const save = useSubmit('checks.saveHtml', { invalidates: [], onSuccess: (r) => setSaved(r) });
  return {
    picking,
    saved,
    error: save.error,
    pending: save.busy,
    choose: () => (save.reset(), setSaved(null), setPicking(true)),
    close: () => setPicking(false),
    saveIn: (folder: string) => void save.submit({ runId, folder }),
  };
}

export function SaveReportActions({ projectId, saver, exporter }: { projectId: string; saver: ReturnType<typeof useReportSave>; exporter: ReturnType<typeof useHtmlExport> }) {
  return (
    <>
      <button type="button" className="button button--primary" disabled={saver.pending} onClick={saver.choose}>
        {saver.pending ? 'Saving…' : 'Save as HTML…'}
      </button>
      {exporter.download ? (
        <a className="button" href={exporter.download.url} download={exporter.download.fileName}>
          Download again
        </a>
      ) : (
        <button type="button" className="button" onClick={() => void exporter.start()}>
          Download
        </button>
      )}
      <FilePickerDialog
        projectId={projectId}
        open={saver.picking}
        onClose={saver.close}
        pick={{ kind: 'folder', title: 'Save the report in which folder?', action: 'Save here', onChosen: saver.saveIn }}
      />
    </>
  );
}

export function ReportSavedNote({ saver }: { saver: ReturnType<typeof useReportSave> }) {
  if (saver.error) return <ErrorBanner error={saver.error} />;
  if (!saver.saved) return null;
  return (
    <p className="banner banner--ok" role="status">
      Saved <strong>{saver.saved.fileName}</strong> in <code>{saver.saved.folder}</code>.
    </p>
  );
}
