import type { ReactNode } from 'react';
import { useStepFocus } from '../../../components/focus';

interface Props {
  title: string;
  stepTitles: readonly string[];
  step: number;
  intro: string;
  busy?: boolean;
  onBack(): void;
  onNext(): void;
  onCancel(): void;
  children: ReactNode;
}

/** The frame every wizard step shares: where you are, the question, Back and Next. */
export function WizardFrame({ title, stepTitles, step, intro, busy, onBack, onNext, onCancel, children }: Props) {
  const last = step === stepTitles.length - 1;
  const heading = useStepFocus<HTMLHeadingElement>(step);
  return (
    <section className="page plan-wizard" aria-labelledby="wizard-question">
      <p className="plan-wizard__kicker">
        {title} · Step {step + 1} of {stepTitles.length}
      </p>
      <ol className="plan-wizard__progress" aria-label="Steps">
        {stepTitles.map((t, i) => (
          <li key={t} className={i === step ? 'is-current' : i < step ? 'is-done' : ''} aria-current={i === step ? 'step' : undefined}>
            {t}
          </li>
        ))}
      </ol>
      <div className="card plan-wizard__card">
        <h1 id="wizard-question" tabIndex={-1} ref={heading}>
          {stepTitles[step]}
        </h1>
        <p className="muted plan-wizard__intro">{intro}</p>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onNext();
          }}
        >
          {children}
          <div className="form__actions plan-wizard__actions">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            {step > 0 && (
              <button type="button" className="button" onClick={onBack}>
                Back
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              {last ? (busy ? 'Estimating…' : 'See the answer') : 'Next'}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
