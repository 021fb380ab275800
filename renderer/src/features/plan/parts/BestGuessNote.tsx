import { BEST_GUESS_MEANING } from '../../../../../shared/budget/best-guess';

/**
 * Under an answer's figures: what each figure is. The saved plan, its comparison and the budget
 * dialog show the same best guess, so the answer says once which one it is.
 */
export function BestGuessNote() {
  return <p className="muted plan-small">Each figure is the best guess, {BEST_GUESS_MEANING}. The likely range under it holds 8 in 10 outcomes.</p>;
}
