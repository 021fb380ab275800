import { rateWords } from '../../../../../shared/domain/currency';
import type { PlanCurrency } from './plan-currency';
import { convertedPrices, type PriceKind } from '../../../../../shared/budget/typed-price';

/**
 * Under the price fields of a project in another currency: the estimate works in US dollars,
 * the rate the typed prices are converted at (its date is named with the project above), and
 * what each came to.
 */
export function TypedPriceNote({ currency: pc, prices }: { currency: PlanCurrency; prices: ReadonlyArray<{ text: string; kind: PriceKind }> }) {
  const words = rateWords(pc.shown);
  if (!words) return null;
  const each = convertedPrices(prices, pc.shown);
  return (
    <p className="muted plan-small" role="note" aria-label="Prices converted">
      Prices you type in {pc.currency} go to the estimate in US dollars at {words}
      {each.length ? `: ${each.join('; ')}.` : '.'}
    </p>
  );
}
