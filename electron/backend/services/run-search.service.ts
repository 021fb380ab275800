import type { z } from 'zod';
import type { RunDetail, RunListInput, RunRow } from '../../../shared/contract/runs';
import { NUMBER_ATTRIBUTES } from '../../../shared/contract/runs-filter';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { searchRunIds } from '../db/repositories/run-search.repository';
import { getRuns } from '../db/repositories/runs.repository';
import { encodePageToken, pageOffset } from './page-token';
import { runDetail, runRows } from './run-views';
import { mustGetProject } from './project-lookup';

/**
 * Run search: filter (shared/contract/runs-filter.ts), order, lifecycle view and paging in SQL,
 * then one bulk read of the page's params, tags and latest metrics.
 */
type ListInput = z.output<typeof RunListInput>;

function checkQuery(input: ListInput): void {
  for (const [i, c] of input.filter.entries()) {
    const numeric = c.kind === 'metric' || (c.kind === 'attribute' && (NUMBER_ATTRIBUTES as readonly string[]).includes(c.key));
    if (numeric && (c.op === 'LIKE' || c.op === 'ILIKE' || c.op === 'IN' || c.op === 'NOT IN')) {
      throw new AppError('INVALID_INPUT', `filter.${i}: ${c.kind === 'metric' ? `metrics.${c.key}` : c.key} is a number; ${c.op} compares text`, { issues: [{ path: `filter.${i}.op`, message: `${c.op} needs text` }] });
    }
    if (numeric && typeof c.value === 'string' && !Number.isFinite(Number(c.value))) {
      throw new AppError('INVALID_INPUT', `filter.${i}: ${c.key} is a number; "${c.value}" is not`, { issues: [{ path: `filter.${i}.value`, message: 'not a number' }] });
    }
  }
}

function page(ctx: BackendContext, input: ListInput) {
  checkQuery(input);
  if (input.projectId !== undefined && input.experimentIds === undefined) mustGetProject(ctx, input.projectId);
  const { pageToken, maxResults, columns: _columns, ...query } = input;
  const fingerprint = JSON.stringify(query);
  const offset = pageOffset(pageToken, fingerprint);
  const r = searchRunIds(ctx.db, {
    ...(query.projectId !== undefined ? { projectId: query.projectId } : {}),
    ...(query.experimentIds !== undefined ? { experimentIds: query.experimentIds.map(Number) } : {}),
    filter: query.filter,
    orderBy: query.orderBy,
    view: query.view,
    limit: maxResults,
    offset,
    now: ctx.clock().getTime(),
  });
  return { runs: getRuns(ctx.db, r.ids), total: r.total, nextPageToken: r.more ? encodePageToken(offset + maxResults, fingerprint) : null };
}

/** A page of runs-table rows. */
export function listRuns(ctx: BackendContext, input: ListInput): { runs: RunRow[]; nextPageToken: string | null; total: number } {
  const p = page(ctx, input);
  return { runs: runRows(ctx, p.runs, input.columns), nextPageToken: p.nextPageToken, total: p.total };
}

/** The same search returning each run in full (what MLflow's runs/search answers with). */
export function searchRunDetails(ctx: BackendContext, input: ListInput): { runs: RunDetail[]; nextPageToken: string | null; total: number } {
  const p = page(ctx, input);
  return { runs: p.runs.map((r) => runDetail(ctx, r)), nextPageToken: p.nextPageToken, total: p.total };
}
