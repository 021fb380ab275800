import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATALOG_KINDS } from '../../../../shared/catalog';
import type { CatalogEntry } from '../../../../shared/contract/catalog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/use-submit';
import { countOf } from '../../../../shared/domain/plain-words';
import { useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { ageBadge, blankRow, catalogListInput, entryFigure, entryTitle, KIND_LABELS } from '../../stores/catalog/catalog.selectors';
import { useCatalogUi } from '../../stores/catalog/catalog-ui.store';
import { useNavigation } from '../../stores/navigation';
import { CatalogImportExport } from './CatalogImportExport';
import { CatalogRowForm } from './CatalogRowForm';
import { valuesFromRow } from './catalog-form';

const ORIGIN: Record<CatalogEntry['origin'], { text: string; cls: string }> = {
  default: { text: 'built in', cls: '' },
  edited: { text: 'edited', cls: 'badge--warn' },
  added: { text: 'yours', cls: 'badge--ok' },
};

/** Settings › Catalog: the hardware, prices and grid figures every estimate uses, with their age. */
export function CatalogPage() {
  const { kind, search, setKind, setSearch } = useCatalogUi(useShallow((s) => ({ kind: s.kind, search: s.search, setKind: s.setKind, setSearch: s.setSearch })));
  const go = useNavigation((s) => s.go);
  const [editing, setEditing] = useState<{ entry: CatalogEntry | null } | null>(null);
  const list = useRpcQuery('catalog.list', catalogListInput(kind, search));
  const upsert = useRpcMutation('catalog.upsert');
  const reset = useSubmit('catalog.reset');
  const remove = useSubmit('catalog.delete');
  const entries = list.data ?? [];
  const actionError = reset.error ?? remove.error ?? null;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <section className="page" aria-labelledby="catalog-title">
      <a className="back" href="#/settings" onClick={(e) => (e.preventDefault(), go({ page: 'settings' }))}>
        ← Settings
      </a>
      <header className="page__header">
        <div>
          <h1 id="catalog-title">Catalog</h1>
          <p className="muted">The hardware, prices and grid figures every estimate uses, each with its source and date. Prices older than a year show in orange: check them before you rely on a plan.</p>
        </div>
        {!editing && (
          <button type="button" className="button button--primary catalog-add" onClick={() => setEditing({ entry: null })}>
            Add your own
          </button>
        )}
      </header>
      <div className="catalog-tabs" role="tablist" aria-label="Kind">
        {CATALOG_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={k === kind}
            title={KIND_LABELS[k].explain}
            onClick={() => {
              setEditing(null);
              setKind(k);
            }}
          >
            {KIND_LABELS[k].label}
          </button>
        ))}
      </div>
      <p className="muted">{KIND_LABELS[kind].explain}</p>
      <ErrorBanner error={list.error} />
      {actionError && (
        <p className="banner banner--error" role="alert">
          {actionError.message}
        </p>
      )}
      {editing && (
        <div className="card">
          <h2>{editing.entry ? `Edit ${entryTitle(editing.entry)}` : `Add your own ${KIND_LABELS[kind].label.toLowerCase()} row`}</h2>
          <CatalogRowForm
            key={`${kind}:${editing.entry?.row.id ?? 'new'}`}
            kind={kind}
            editing={editing.entry !== null}
            initial={valuesFromRow(kind, (editing.entry?.row as unknown as Record<string, unknown>) ?? blankRow(kind, today))}
            onCancel={() => setEditing(null)}
            onSave={async (row) => {
              await upsert.mutateAsync({ kind, row });
              setEditing(null);
            }}
          />
        </div>
      )}
      <div className="toolbar">
        <label className="toolbar__search">
          <span className="visually-hidden">Search the catalog</span>
          <input type="search" placeholder="Search by name, id, provider, region or source" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <p className="muted toolbar__total">{list.isSuccess ? countOf(entries.length, 'row') : 'Loading…'}</p>
      </div>
      <div className="card plan-table-scroll">
        <table className="plan-table" aria-label="Catalog rows">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Figure</th>
              <th scope="col">Source</th>
              <th scope="col">As of</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const age = ageBadge(e.ageInDays, e.row.asOf);
              return (
                <tr key={`${e.kind}:${e.row.id}`}>
                  <th scope="row">
                    {entryTitle(e)}
                    <div className="muted plan-small">
                      <code>{e.row.id}</code> <span className={`badge ${ORIGIN[e.origin].cls}`}>{ORIGIN[e.origin].text}</span>
                    </div>
                  </th>
                  <td className="plan-num">{entryFigure(e)}</td>
                  <td className="plan-small">
                    {e.row.source}
                    <div className="muted">confidence: {e.row.confidence}</div>
                  </td>
                  <td>
                    <span className={`badge ${age.stale ? 'badge--warn' : ''}`} title={age.title}>
                      {age.text}
                    </span>
                    <div className="muted plan-small">{e.row.asOf}</div>
                  </td>
                  <td>
                    <div className="plan-row-actions">
                      <button type="button" className="button plan-button--small" aria-label={`Edit ${e.row.id}`} onClick={() => setEditing({ entry: e })}>
                        Edit
                      </button>
                      {e.origin === 'edited' && (
                        <button type="button" className="button plan-button--small" disabled={reset.busy} onClick={() => void reset.submit({ kind: e.kind, id: e.row.id })}>
                          Reset
                        </button>
                      )}
                      {e.origin === 'added' && (
                        <button type="button" className="button plan-button--small button--danger" disabled={remove.busy} onClick={() => void remove.submit({ kind: e.kind, id: e.row.id })}>
                          Delete
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CatalogImportExport kind={kind} />
    </section>
  );
}
