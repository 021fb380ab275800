import { useCallback, useMemo, useState } from 'react';
import type { LifecycleView } from '../../../../shared/contract/runs-filter';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePopover } from '../../components/focus';
import { useRpcPages } from '../../data/rpc-pages';
import { useSubmit } from '../../components/use-submit';
import { useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { canCompare, compareHint, effectiveColumns, keysOfRows, type ChosenKeys } from '../../stores/runs/runs-ui';
import { tableUiOf, useRunsUi } from '../../stores/runs/runs-ui.store';
import { ExperimentPareto } from './experiments/ExperimentPareto';
import { ExperimentsPanel } from './experiments/ExperimentsPanel';
import { RunFilterBar } from './filters/RunFilterBar';
import { ColumnChooser } from './table/ColumnChooser';
import { orderFor, tableColumns } from './table/run-columns';
import { RunsTable } from './table/RunsTable';
import { ExportRunsButtons } from './transfer/ExportRunsButtons';
import { ImportRunsDialog } from './transfer/ImportRunsDialog';
import './runs.css';

const ALL_COLUMNS = { params: 'all', metrics: 'all', tags: 'all' } as const;

const VIEWS: Array<{ id: LifecycleView; label: string }> = [
  { id: 'active', label: 'Active' },
  { id: 'deleted', label: 'Deleted' },
  { id: 'all', label: 'All' },
];

/** The runs of one project: experiments, and a virtualized table that sorts, filters and picks runs to compare. */
export function RunsPage({ projectId }: { projectId: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id: projectId });
  const ui = useRunsUi((s) => tableUiOf(s, projectId));
  const actions = useRunsUi.getState();
  const chooser = usePopover<'columns'>();
  const chooserOpen = chooser.isOpen('columns');
  const [refused, setRefused] = useState(false);
  const [importing, setImporting] = useState(false);
  const experimentIds = ui.experimentIds.length ? ui.experimentIds : undefined;
  const query = { projectId, ...(experimentIds ? { experimentIds } : {}), filter: ui.filter, orderBy: orderFor(ui.sort), view: ui.view };
  // Without a stored column choice the first page brings every key (100 rows: cheap), so rows
  // paint without waiting for the full key list; later pages bring only the columns shown.
  const pages = useRpcPages('runs.list', {
    key: { ...query, columns: ui.columns },
    // The page functions run with this render's columns (TanStack keeps the latest options).
    pageInput: (first) => ({ ...query, columns: ui.columns ?? (first ? ALL_COLUMNS : chosen) }),
    firstPage: 100,
    pageSize: 2000,
  });
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.runs) ?? [], [pages.data]);
  // The full key list (chooser, filter suggestions) is asked for after the first rows, so it never holds them up.
  const experimentList = useRpcQuery('experiments.list', { projectId, view: 'active', orderBy: [{ key: 'name', ascending: true }] });
  const keys = useRpcQuery('runs.keys', { projectId, view: ui.view, ...(experimentIds ? { experimentIds } : {}) }, { enabled: pages.data !== undefined || chooserOpen });
  const firstRows = pages.data?.pages[0]?.runs;
  const available = keys.data ?? (firstRows ? keysOfRows(firstRows) : null);
  const chosen = effectiveColumns(ui.columns, available);
  const chosenKey = JSON.stringify(chosen);
  const columns = useMemo(() => tableColumns(JSON.parse(chosenKey) as ChosenKeys), [chosenKey]);
  const total = pages.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const needMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const currency = project.data?.currency ?? 'USD';
  const toggle = useCallback((id: string) => setRefused(!useRunsUi.getState().toggleSelected(projectId, id)), [projectId]);
  const restore = useSubmit('runs.restore', { invalidates: ['runs'] });
  const { submit: restoreSubmit } = restore;
  const restoreRun = useCallback((id: string) => void restoreSubmit({ id }), [restoreSubmit]);
  const open = useCallback((runId: string) => go({ page: 'run', projectId, runId }), [go, projectId]);

  return (
    <section className="page runs-page" aria-labelledby="runs-title">
      <a className="back" href={`#/projects/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'project', id: projectId }))}>
        ← {project.data?.name ?? 'Project'}
      </a>
      <header className="page__header">
        <div>
          <h1 id="runs-title">Runs{project.data ? ` of ${project.data.name}` : ''}</h1>
          <p className="muted">Every training run logged to this project: what it was given, what it scored and what it cost.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => setImporting(true)}>
            Import runs
          </button>
          <ExportRunsButtons projectId={projectId} />
        </div>
      </header>
      <ImportRunsDialog projectId={projectId} open={importing} onClose={() => setImporting(false)} />
      <ErrorBanner error={project.error ?? keys.error ?? pages.error ?? restore.error ?? null} />
      <ExperimentsPanel projectId={projectId} shown={ui.experimentIds} onShow={(ids) => actions.setExperiments(projectId, ids)} />
      <div className="toolbar runs-toolbar">
        <div className="segmented" role="group" aria-label="Which runs">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-pressed={ui.view === v.id} onClick={() => actions.setView(projectId, v.id)}>
              {v.label}
            </button>
          ))}
        </div>
        <button type="button" className="button" aria-expanded={chooserOpen} onClick={() => chooser.toggle('columns')} ref={chooser.trigger('columns')}>
          Columns
        </button>
        <div className="runs-toolbar__compare">
          <button
            type="button"
            className="button button--primary"
            disabled={!canCompare(ui.selected)}
            onClick={() => go({ page: 'compare', projectId, runIds: ui.selected })}
          >
            Compare{ui.selected.length ? ` ${ui.selected.length}` : ''}
          </button>
          <span className="muted runs-toolbar__hint" role="status">
            {refused ? 'At most 10 runs can be compared; untick one first.' : compareHint(ui.selected)}
          </span>
        </div>
        <p className="toolbar__total muted" role="status" data-testid="runs-total">
          {pages.isPending ? 'Loading runs…' : `${total.toLocaleString('en-US')} ${total === 1 ? 'run' : 'runs'}`}
        </p>
      </div>
      <RunFilterBar filter={ui.filter} keys={keys.data} currency={currency} onChange={(f) => actions.setFilter(projectId, f)} />
      {chooserOpen && (
        <ColumnChooser
          keys={keys.data}
          chosen={chosen}
          onToggle={(kind, key) => actions.toggleColumn(projectId, chosen, kind, key)}
          onReset={() => actions.resetColumns(projectId)}
        />
      )}
      {!pages.isPending && total === 0 ? (
        <div className="empty">
          {ui.filter.length ? 'No run matches these filters.' : ui.view === 'deleted' ? 'No deleted runs.' : 'No runs yet. Log one with an MLflow client (Settings › Tracking) or import an mlruns folder.'}
        </div>
      ) : (
        <RunsTable
          projectId={projectId}
          columns={columns}
          rows={rows}
          total={total}
          sort={ui.sort}
          selected={ui.selected}
          loadingMore={isFetchingNextPage}
          onSort={(id) => actions.sortBy(projectId, id)}
          onToggle={toggle}
          onRestore={restoreRun}
          onNeedMore={needMore}
          onOpen={open}
        />
      )}
      <ExperimentPareto experiments={experimentList.data?.experiments ?? []} metricKeys={(keys.data?.metrics ?? []).filter((k) => !k.startsWith('system/'))} />
      <p className="muted runs-page__legend">
        Cost is in {currency}; "unknown" means Tally does not know what the run ran on yet: open the run to set its hardware.
        {columns.length > 7 ? ' Parameters, metrics and tags follow Hardware: scroll the table sideways (Shift + wheel).' : ''}
      </p>
    </section>
  );
}
