import { ScenarioPayload, type StoredScenario } from '../../../../shared/contract/scenarios';
import type { Db } from '../connection';
import { checkStored, readJson } from '../stored-json';

/** A saved scenario as stored: its kind, input and result are checked together on every read. */
export type ScenarioRecord = StoredScenario;

interface Row {
  id: string;
  project_id: string;
  name: string;
  notes: string;
  kind: string;
  input_json: string;
  result_json: string;
  p50_cost_cents: number | null;
  p90_cost_cents: number | null;
  monthly_budget_cents: number | null;
  monthly_budget_currency: string | null;
  prices_currency: string | null;
  prices_usd_rate: number | null;
  created_at: string;
  updated_at: string;
}

function toRecord(r: Row): ScenarioRecord {
  const what = `estimate of scenario ${r.id}`;
  const payload = checkStored(ScenarioPayload, { kind: r.kind, input: readJson(r.input_json, what), result: readJson(r.result_json, what) }, what);
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    notes: r.notes,
    ...payload,
    p50CostCents: r.p50_cost_cents,
    p90CostCents: r.p90_cost_cents,
    monthlyBudget: r.monthly_budget_cents !== null && r.monthly_budget_currency !== null ? { cents: r.monthly_budget_cents, currency: r.monthly_budget_currency } : null,
    pricesTypedAt: r.prices_currency !== null ? { currency: r.prices_currency, usdRate: r.prices_usd_rate } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function params(s: ScenarioRecord) {
  return { ...s, input: JSON.stringify(s.input), result: JSON.stringify(s.result), monthlyBudgetCents: s.monthlyBudget?.cents ?? null, monthlyBudgetCurrency: s.monthlyBudget?.currency ?? null, pricesCurrency: s.pricesTypedAt?.currency ?? null, pricesUsdRate: s.pricesTypedAt?.usdRate ?? null };
}

export function listScenarios(db: Db, projectId: string): ScenarioRecord[] {
  return (db.prepare('SELECT * FROM scenarios WHERE project_id = ? ORDER BY created_at, id').all(projectId) as Row[]).map(toRecord);
}

export function getScenario(db: Db, id: string): ScenarioRecord | undefined {
  const r = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as Row | undefined;
  return r && toRecord(r);
}

export function insertScenario(db: Db, s: ScenarioRecord): void {
  db.prepare(
    `INSERT INTO scenarios (id, project_id, name, notes, kind, input_json, result_json, p50_cost_cents, p90_cost_cents, monthly_budget_cents, monthly_budget_currency, prices_currency, prices_usd_rate, created_at, updated_at)
     VALUES (@id, @projectId, @name, @notes, @kind, @input, @result, @p50CostCents, @p90CostCents, @monthlyBudgetCents, @monthlyBudgetCurrency, @pricesCurrency, @pricesUsdRate, @createdAt, @updatedAt)`,
  ).run(params(s));
}

export function updateScenario(db: Db, s: ScenarioRecord): void {
  db.prepare(
    `UPDATE scenarios SET name = @name, notes = @notes, kind = @kind, input_json = @input, result_json = @result,
       p50_cost_cents = @p50CostCents, p90_cost_cents = @p90CostCents, monthly_budget_cents = @monthlyBudgetCents,
       monthly_budget_currency = @monthlyBudgetCurrency, prices_currency = @pricesCurrency, prices_usd_rate = @pricesUsdRate,
       updated_at = @updatedAt WHERE id = @id`,
  ).run(params(s));
}

export function deleteScenario(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes === 1;
}

export function countScenarios(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM scenarios WHERE project_id = ?').get(projectId) as { n: number }).n;
}
