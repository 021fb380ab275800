import { useId, useState, type ReactNode } from 'react';
import { useEscape } from './focus';

/**
 * A technical word with its one-line meaning: on hover (title) and behind a small "?" button
 * that keyboard users can reach and toggle, so the explanation is never mouse-only.
 */
export function Term({ children, explain, about }: { children?: ReactNode; explain: string; /** Names the toggle when there is no word, e.g. "answer time". */ about?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  useEscape(open, () => setOpen(false));
  const name = about ?? (typeof children === 'string' ? children : 'this term');
  return (
    <span className="plan-term">
      {children !== undefined && (
        <span className="plan-term__word" title={explain}>
          {children}
        </span>
      )}
      <button type="button" className="plan-term__toggle" title={explain} aria-expanded={open} aria-controls={id} aria-label={`What does this mean: ${name}`} onClick={() => setOpen((o) => !o)}>
        ?
      </button>
      {open && (
        <span id={id} className="plan-term__explain" role="note">
          {explain}
        </span>
      )}
    </span>
  );
}

/** The explanations used across the plan pages, written once. */
export const TERMS = {
  p10p90: 'P10 to P90: the likely range. In 8 of 10 outcomes the figure lands between these two numbers.',
  p50: 'P50: the best guess. The real figure is as likely to come in below it as above it.',
  gpuHour: 'GPU-hour: one graphics processor working for one hour; clouds bill by it.',
  mfu: 'MFU (model FLOPs utilisation): the share of the chip’s peak speed that training really achieves, usually 30-50%.',
  latency: 'Latency: the time from sending a request to having the whole answer.',
  breakEven: 'Break-even: the volume at which two options cost the same; beyond it the cheaper one switches.',
  token: 'Token: a piece of a word, about three quarters of a word in English. AI services charge per token.',
  co2: 'CO2: the carbon dioxide released making the electricity, from the grid’s average for the region.',
  pue: 'PUE (power usage effectiveness): data-centre power divided by computer power; 1.1 means 10% extra for cooling.',
  memory: 'GPU memory: the model, its gradients and the optimizer’s notes must fit in it, or training cannot start.',
  computeOptimal: 'Compute-optimal: the split between model size and amount of data that gives the best model for a fixed amount of computing (Hoffmann et al. 2022).',
  sensitivity: 'What would change the answer: which uncertain input, moved from its low to its high case, shifts the result most.',
  amortised: 'Paid off (written off): the purchase price spread evenly over the months you use the device, with nothing back at the end, so it can be set against a monthly bill.',
} as const;
