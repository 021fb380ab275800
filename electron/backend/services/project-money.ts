import type { Project } from '../../../shared/contract/projects';
import type { BackendContext } from '../context';
import * as ledgerRepo from '../db/repositories/ledger.repository';
import { runIdsOfProject } from '../db/repositories/runs.repository';
import { converted } from './ledger.service';
import { recomputeRunCosts } from './run-costs';

/**
 * A project's currency or USD rate changed (inside the update's transaction): its runs' costs
 * are recomputed, and ledger entries are re-converted where the old conversion no longer holds.
 * An entry keeps the rate it was booked at while the currency stays; after a currency change an
 * entry in a third currency has no known rate and its project amount becomes null (shown as
 * such), never a 1:1 copy.
 */
export function projectMoneyChanged(ctx: BackendContext, next: Project, previous: Project): void {
  recomputeRunCosts(ctx, runIdsOfProject(ctx.db, next.id));
  if (next.currency === previous.currency) return;
  for (const e of ledgerRepo.listLedger(ctx.db, next.id)) {
    let fx: number | null;
    if (e.currency === next.currency) fx = null;
    else if (e.currency === 'USD' && next.usdRate !== undefined) fx = next.usdRate;
    else {
      ledgerRepo.setProjectAmount(ctx.db, e.id, null, null);
      continue;
    }
    ledgerRepo.setProjectAmount(ctx.db, e.id, fx, converted(e.amountCents, fx));
  }
  ctx.emit({ type: 'ledger.changed', payload: { projectId: next.id } });
}
