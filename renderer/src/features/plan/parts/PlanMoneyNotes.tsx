import { planMoney, type PlanLike } from '../../../../../shared/budget/plan-money';
import { budgetWords } from './budget-words';
import type { PlanCurrency } from './plan-currency';

/**
 * Under a planner's headline figures: which rate turned the estimate's dollars into the
 * project's currency (named once for the whole answer), the answer held against the project's
 * budget as the saved plan will be, or why the figures stay in dollars.
 */
export function PlanMoneyNotes({ plan, currency: pc }: { plan: PlanLike; currency: PlanCurrency }) {
  const money = pc.yardsticks && !pc.missingRate ? planMoney(plan, pc.yardsticks) : null;
  const held = money && budgetWords(money);
  return (
    <>
      {pc.missingRate && <div className="banner banner--warn">{pc.missingRate}</div>}
      {held && (
        <div className={`banner ${money?.capStatus === 'within' ? 'banner--ok' : 'banner--warn'}`} role="status" aria-label="Against the budget">
          {held}
        </div>
      )}
      {pc.rateNote && <p className="muted plan-small">Amounts in {pc.currency}, converted from the estimate&apos;s US dollars {pc.rateNote}.</p>}
    </>
  );
}
