import { useEffect, useRef, useState, type RefObject } from 'react';
import type { DatasetRole } from '../../../../shared/contract/datasets';
import type { BrowseResult } from '../../../../shared/contract/files';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useReturnFocus } from '../../components/focus';
import { useSingleFlight } from '../../components/single-flight';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { formatBytes } from '../../stores/datasets/datasets.selectors';
import { looksLikeFile, pickerKey } from './file-picker';
import { LocatedError } from './LocatedError';
import { useFolderBrowser } from './use-folder-browser';
import './datasets.css';

const ROLES: Array<{ value: DatasetRole | ''; label: string }> = [
  { value: '', label: 'Not said yet' },
  { value: 'training', label: 'Training data' },
  { value: 'test', label: 'Test data' },
  { value: 'production', label: 'Production sample' },
  { value: 'reference', label: 'Reference (e.g. last month)' },
  { value: 'other', label: 'Other' },
];

/** Choosing a path for another screen instead of adding a dataset (a predictions file, a folder to watch). */
export interface PickPath {
  kind: 'file' | 'folder';
  title: string;
  /** The confirm button's words ("Use this file"). */
  action: string;
  onChosen(path: string): void;
}

/**
 * Add a dataset: a modal listing folders and data files through the backend (browsers give no
 * file paths). Arrow keys move, Enter opens a folder or chooses a file, Backspace goes up; the
 * path box takes a typed or pasted folder or file path. With `pick` it only returns the chosen
 * file or the folder shown, registering nothing.
 */
export function FilePickerDialog({ projectId, open, onClose, onAdded, pick }: { projectId: string; open: boolean; onClose(): void; onAdded?(id: string): void; pick?: PickPath }) {
  const { browse, error: browseError, openDir: browseTo } = useFolderBrowser(open);
  const register = useRpcMutation('datasets.register');
  // Files this project already has are marked in the listing (adding one again only updates its role).
  const existing = useRpcQuery('datasets.list', { projectId }, { enabled: open && !pick });
  const added = new Set(pick ? [] : (existing.data ?? []).map((d) => d.path));
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus(open);
  const listRef = useRef<HTMLUListElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState<DatasetRole | ''>('');

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const openDir = (dir: string) => {
    setChosen(null);
    register.reset();
    browseTo(dir);
    listRef.current?.focus();
  };

  // One at a time: a double click on "Add file" registers the file once.
  const adding = useSingleFlight(async (file: string) => {
    if (pick) {
      pick.onChosen(file);
      setChosen(null);
      onClose();
      return;
    }
    try {
      const d = await register.mutateAsync({ projectId, path: file, ...(role ? { role } : {}) });
      setChosen(null);
      onAdded?.(d.id);
      onClose();
    } catch {
      // The mutation holds the error; it is shown next to the choice.
    }
  });
  const add = adding.run;


  return (
    <dialog
      ref={ref}
      className="dialog picker"
      aria-labelledby="picker-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="picker-title">{pick?.title ?? 'Add a data file'}</h2>
      <p className="muted picker__hint">
        {pick?.kind === 'folder' ? 'Open the folder you want, then choose it.' : 'Tally reads the file where it is and never changes it.'} Arrow keys move, Enter opens, Backspace goes up a
        folder.
      </p>
      <FolderView browse={browse} chosen={chosen} listRef={listRef} onOpen={openDir} onChoose={pick?.kind === 'folder' ? () => undefined : setChosen} added={added} />
      <ErrorBanner error={browseError} />
      {browse?.truncated && <p className="muted">Only the first 2,000 entries are shown; type a path to go further.</p>}
      <div className="picker__choice">
        <p>
          {pick?.kind === 'folder' ? (
            <>
              Folder: <code>{browse?.dir ?? '…'}</code>
            </>
          ) : chosen ? (
            <>
              Chosen: <code>{chosen}</code>
              {added.has(chosen) && <span className="muted"> (already in this project: adding it again only changes what it is for)</span>}
            </>
          ) : (
            <span className="muted">No file chosen yet.</span>
          )}
        </p>
        {!pick && (
          <label className="picker__role">
            What is this file?{' '}
            <select value={role} onChange={(e) => setRole(e.target.value as DatasetRole | '')}>
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <LocatedError error={register.error} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {pick?.kind === 'folder' ? (
          <button type="button" className="button button--primary" disabled={!browse} onClick={() => browse && void add(browse.dir)}>
            {pick.action}
          </button>
        ) : (
          <button type="button" className="button button--primary" disabled={!chosen || adding.busy} onClick={() => chosen && void add(chosen)}>
            {adding.busy ? 'Adding…' : (pick?.action ?? 'Add file')}
          </button>
        )}
      </div>
    </dialog>
  );
}

export interface FolderViewProps {
  browse: BrowseResult | null;
  chosen: string | null;
  listRef: RefObject<HTMLUListElement | null>;
  onOpen(dir: string): void;
  onChoose(path: string): void;
  /** Paths to mark as already added (the project's datasets). */
  added?: ReadonlySet<string>;
}

/**
 * One folder's path box and listing. A new folder resets the highlight and shows its path in the
 * box, unless the user has typed there since: a path typed while the first listing was still
 * loading must survive that listing's arrival.
 */
export function FolderView({ browse, chosen, listRef, onOpen, onChoose, added }: FolderViewProps) {
  const [active, setActive] = useState(0);
  const [path, setPath] = useState(browse?.dir ?? '');
  const [edited, setEdited] = useState(false);
  const [shownDir, setShownDir] = useState(browse?.dir);
  if (browse?.dir !== shownDir) {
    setShownDir(browse?.dir);
    setActive(0);
    if (!edited) setPath(browse?.dir ?? '');
  }
  const entries = browse?.entries ?? [];
  const goPath = () => {
    const p = path.trim();
    if (!p) return;
    setEdited(false);
    if (looksLikeFile(p)) onChoose(p);
    else onOpen(p);
  };
  return (
    <>
      <form
        className="picker__path"
        onSubmit={(e) => {
          e.preventDefault();
          goPath();
        }}
      >
        <label htmlFor="picker-path">Folder or file path</label>
        <input
          id="picker-path"
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setEdited(true);
          }}
          spellCheck={false}
        />
        <button type="submit" className="button">
          Go
        </button>
        <button type="button" className="button" disabled={!browse?.parent} onClick={() => browse?.parent && onOpen(browse.parent)}>
          Up
        </button>
      </form>
      <ul
        ref={listRef}
        className="picker__list"
        role="listbox"
        aria-label={`Contents of ${browse?.dir ?? 'the folder'}`}
        aria-activedescendant={entries[active] ? `picker-entry-${active}` : undefined}
        tabIndex={0}
        onKeyDown={(e) => {
          const action = pickerKey(e.key, active, entries);
          if (action.kind === 'none') return;
          e.preventDefault();
          if (action.kind === 'move') {
            setActive(action.index);
            document.getElementById(`picker-entry-${action.index}`)?.scrollIntoView({ block: 'nearest' });
          } else if (action.kind === 'open') onOpen(action.path);
          else if (action.kind === 'choose') onChoose(action.path);
          else if (browse?.parent) onOpen(browse.parent);
        }}
      >
        {entries.length === 0 && browse && <li className="picker__empty muted">No folders or data files here.</li>}
        {entries.map((entry, i) => (
          <li
            key={entry.path}
            id={`picker-entry-${i}`}
            role="option"
            aria-selected={i === active}
            className={`picker__entry${i === active ? ' picker__entry--active' : ''}${chosen === entry.path ? ' picker__entry--chosen' : ''}`}
            onClick={() => {
              setActive(i);
              if (entry.kind === 'folder') onOpen(entry.path);
              else onChoose(entry.path);
            }}
          >
            <span className={`picker__kind picker__kind--${entry.kind}`} aria-hidden="true">
              {entry.kind === 'folder' ? 'folder' : (entry.extension ?? 'file')}
            </span>
            <span className="picker__name">{entry.name}</span>
            <span className="picker__mark">{added?.has(entry.path) && <span className="badge badge--neutral picker__added">already added</span>}</span>
            <span className="picker__size muted">{entry.kind === 'folder' ? '' : formatBytes(entry.sizeBytes ?? 0)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
