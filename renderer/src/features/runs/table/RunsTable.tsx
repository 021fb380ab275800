import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { RunRow } from '../../../../../shared/contract/runs';
import type { SortState } from '../../../stores/runs/runs-ui';
import { routeHash } from '../../../stores/navigation';
import { STATUS_MEANING, statusBadgeClass } from '../run-format';
import { cellText, gridTemplate, tableWidth, type RunColumn } from './run-columns';

interface Props {
  projectId: string;
  columns: RunColumn[];
  rows: RunRow[];
  /** All runs matching, loaded or not: the scroll height is for all of them. */
  total: number;
  sort: SortState | null;
  selected: readonly string[];
  loadingMore: boolean;
  onSort(columnId: string): void;
  onToggle(runId: string): void;
  /** Brings a deleted run back (shown on deleted rows). */
  onRestore(runId: string): void;
  /** Asked when the reader nears the last loaded row. */
  onNeedMore(): void;
  onOpen(runId: string): void;
}

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 36;
/** Ask for the next page this many rows before the loaded ones run out. */
const PREFETCH_ROWS = 150;

/**
 * The runs table: one scroll box, a sticky header, and only the rows in view in the DOM
 * (@tanstack/react-virtual), so 10,000 runs scroll like 20. Rows past the loaded pages are drawn
 * as placeholders and fetched as they come near.
 */
export function RunsTable({ projectId, columns, rows, total, sort, selected, loadingMore, onSort, onToggle, onRestore, onNeedMore, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not built with the React Compiler, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (rows.length < total && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onNeedMore();
  }, [lastIndex, rows.length, total, loadingMore, onNeedMore]);

  const template = gridTemplate(columns);
  const width = tableWidth(columns);
  return (
    <div className="runs-table" ref={scrollRef} role="table" aria-label="Runs" aria-rowcount={total + 1} tabIndex={0} style={{ height: HEADER_HEIGHT + total * ROW_HEIGHT + 2 }}>
      <div className="runs-table__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
        <span role="columnheader" className="runs-table__check">
          <span className="visually-hidden">Compare</span>
        </span>
        {columns.map((c) => {
          const active = sort?.columnId === c.id;
          const dir = active ? (sort!.ascending ? 'ascending' : 'descending') : 'none';
          return (
            <span key={c.id} role="columnheader" aria-sort={dir} className={`runs-table__th${c.numeric ? ' runs-table__th--num' : ''}${c.kind !== 'attribute' ? ` runs-table__th--${c.kind}` : ''}${c.id === 'attr:name' ? ' runs-table__th--name' : ''}`}>
              <button type="button" title={`${c.meaning}. Click to sort.`} onClick={() => onSort(c.id)}>
                {c.kind !== 'attribute' && <span className="runs-table__kind">{c.kind === 'param' ? 'param' : c.kind === 'metric' ? 'metric' : 'tag'}</span>}
                <span className="runs-table__label">{c.label}</span>
                <span aria-hidden="true" className="runs-table__arrow">
                  {active ? (sort!.ascending ? '▲' : '▼') : ''}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      <div className="runs-table__body" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) {
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="runs-table__row runs-table__row--loading" style={{ transform: `translateY(${item.start}px)`, width }}>
                <span role="cell" className="muted">
                  Loading…
                </span>
              </div>
            );
          }
          return (
            <RunRowView
              key={row.id}
              row={row}
              index={item.index}
              start={item.start}
              template={template}
              width={width}
              columns={columns}
              picked={selected.includes(row.id)}
              projectId={projectId}
              onToggle={onToggle}
              onRestore={onRestore}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

interface RowProps {
  row: RunRow;
  index: number;
  start: number;
  template: string;
  width: number;
  columns: RunColumn[];
  picked: boolean;
  projectId: string;
  onToggle(runId: string): void;
  onRestore(runId: string): void;
  onOpen(runId: string): void;
}

/** One row; memoized, so scrolling renders only the rows that come into view. */
const RunRowView = memo(function RunRowView({ row, index, start, template, width, columns, picked, projectId, onToggle, onRestore, onOpen }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={picked}
      data-run-id={row.id}
      className={`runs-table__row${picked ? ' runs-table__row--picked' : ''}${row.lifecycleStage === 'deleted' ? ' runs-table__row--deleted' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template, width }}
    >
      <span role="cell" className="runs-table__check">
        <input type="checkbox" checked={picked} aria-label={`Compare ${row.name || row.id}`} onChange={() => onToggle(row.id)} />
      </span>
      {columns.map((c) => (
        <Cell key={c.id} row={row} col={c} projectId={projectId} onOpen={onOpen} onRestore={onRestore} />
      ))}
    </div>
  );
});

function Cell({ row, col, projectId, onOpen, onRestore }: { row: RunRow; col: RunColumn; projectId: string; onOpen(id: string): void; onRestore(id: string): void }) {
  const text = cellText(row, col);
  if (col.id === 'attr:name') {
    return (
      <span role="cell" className="runs-table__td runs-table__name">
        <a
          href={routeHash({ page: 'run', projectId, runId: row.id })}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row.id);
          }}
          title={text}
        >
          {text}
        </a>
        {row.lifecycleStage === 'deleted' && (
          <button type="button" className="button plan-button--small runs-table__restore" aria-label={`Restore ${text}`} onClick={() => onRestore(row.id)}>
            Restore
          </button>
        )}
      </span>
    );
  }
  if (col.id === 'attr:status') {
    return (
      <span role="cell" className="runs-table__td">
        <span className={statusBadgeClass(row.status)} title={STATUS_MEANING[row.status]}>
          {row.status.toLowerCase()}
        </span>
      </span>
    );
  }
  const unknown = (col.id === 'attr:cost' && row.costCents == null) || (col.id === 'attr:hardware' && !row.hardwareId) || (col.id === 'attr:energy' && row.energyKwh == null);
  return (
    <span role="cell" className={`runs-table__td${col.numeric ? ' runs-table__td--num' : ''}${unknown ? ' runs-table__td--unknown' : ''}`} title={unknown && row.costUnknownReason ? row.costUnknownReason : text}>
      {text}
    </span>
  );
}
