import type { z } from 'zod';
import type { ProjectRate, RateSetInput } from '../../../shared/contract/rates';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/rates.repository';
import { runIdsOfProject } from '../db/repositories/runs.repository';
import { hardwareNames, recomputeRunCosts } from './run-costs';
import { mustGetProject } from './project-lookup';

/** A project's negotiated rates per device-hour; each change recomputes the affected runs' costs. */

function toRate(r: repo.RateRecord, names: Map<string, string>): ProjectRate {
  return { projectId: r.projectId, hardwareId: r.hardwareId, hardwareName: names.get(r.hardwareId) ?? null, pricePerDeviceHour: r.micros / 1e6, currency: r.currency, note: r.note, asOf: r.asOf, updatedAt: r.updatedAt };
}

export function listRates(ctx: BackendContext, projectId: string): ProjectRate[] {
  mustGetProject(ctx, projectId);
  const names = hardwareNames(ctx);
  return repo.listRates(ctx.db, projectId).map((r) => toRate(r, names));
}

export function setRate(ctx: BackendContext, input: z.output<typeof RateSetInput>): ProjectRate {
  const hardwareId = input.hardwareId.trim().toLowerCase();
  const rate = ctx.db.transaction(() => {
    const p = mustGetProject(ctx, input.projectId);
    const now = ctx.clock().toISOString();
    const existing = repo.getRate(ctx.db, p.id, hardwareId);
    const record: repo.RateRecord = {
      projectId: p.id,
      hardwareId,
      micros: Math.round(input.pricePerDeviceHour * 1e6),
      currency: input.currency ?? p.currency,
      note: input.note,
      asOf: input.asOf ?? now.slice(0, 10),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    repo.upsertRate(ctx.db, record);
    recomputeRunCosts(ctx, runIdsOfProject(ctx.db, p.id, hardwareId));
    return record;
  }).immediate();
  ctx.emit({ type: 'ledger.changed', payload: { projectId: rate.projectId } });
  return toRate(rate, hardwareNames(ctx));
}

export function deleteRate(ctx: BackendContext, projectId: string, hardwareId: string): { projectId: string; hardwareId: string } {
  const id = hardwareId.trim().toLowerCase();
  ctx.db.transaction(() => {
    mustGetProject(ctx, projectId);
    if (!repo.deleteRate(ctx.db, projectId, id)) throw new AppError('NOT_FOUND', `The project has no negotiated rate for ${id}.`, { location: { field: 'hardwareId' } });
    recomputeRunCosts(ctx, runIdsOfProject(ctx.db, projectId, id));
  }).immediate();
  ctx.emit({ type: 'ledger.changed', payload: { projectId } });
  return { projectId, hardwareId: id };
}
