import type { AppErrorData } from '../../../../../shared/domain/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { planError } from './plan-error';

/**
 * When the estimator will not answer. A refusal of the answers themselves (INVALID_INPUT: a device
 * that cannot hold the model, a figure it does not publish) is said as what it is, in the Plan
 * screens' words (plan-error.ts), not as "something went wrong"; any other failure is the usual
 * error banner.
 */
export function AnswerRefused({ question, error, onBack }: { question: string; error: AppErrorData | null; onBack(): void }) {
  const refusal = error?.code === 'INVALID_INPUT' ? planError(error) : null;
  return (
    <section className="page" aria-labelledby="refused-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">{question} · The answer</p>
          <h1 id="refused-title">{refusal ? 'These answers cannot be estimated' : 'No answer this time'}</h1>
        </div>
      </header>
      {refusal ? (
        <div className="banner banner--warn" role="alert">
          {refusal.message}
        </div>
      ) : (
        <ErrorBanner error={planError(error)} />
      )}
      <div>
        <button type="button" className="button" onClick={onBack}>
          Back to the questions
        </button>
      </div>
    </section>
  );
}
