import type { ReactNode } from 'react';
import type { Input, Output } from '../../../../../shared/contract';
import { countInWords } from '../parts/answer-format';
import { AssumptionList } from '../parts/AssumptionList';
import { DetailsCard } from '../parts/DetailsCard';
import type { PlanCurrency } from '../parts/plan-currency';
import { PlanMoneyNotes } from '../parts/PlanMoneyNotes';
import { RangeFigure } from '../parts/RangeFigure';
import { Term, TERMS } from '../../../components/Term';
import { budgetLine, dataMeaning, fitLabel, gpuHoursText, gpuTimeMeaning, optimalHeadline, scientific } from './optimal-answer';

interface Props {
  input: Input<'estimate.optimal'>;
  result: Output<'estimate.optimal'>;
  hardwareName: string | null;
  /** The project's currency the budget and the price are shown in, converted once from the dollars sent. */
  currency: PlanCurrency;
  today: string;
  actions: ReactNode;
  /** Opens the training planner, to cost a run of this size in full. */
  onPlanTraining(): void;
}

/**
 * The answer to "What size model fits my compute budget?"; every figure comes from
 * `estimate.optimal`, its money in the currency of the project the plan is for with the rate
 * named once.
 */
export function OptimalResult({ input, result: r, hardwareName, currency: pc, today, actions, onPlanTraining }: Props) {
  const gpus = input.gpus ?? 8;
  const gpuTime = gpuTimeMeaning(r, gpus, today, pc);
  const withMoney = input.budgetUsd !== undefined;
  const hours = gpuHoursText(r);
  return (
    <section className="page plan-result plan-answer" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">What size model fits my compute budget? · The answer</p>
          <h1 id="result-title">{optimalHeadline(r)}</h1>
          <p className="muted">
            {budgetLine(r, input, hardwareName, pc)} <Term explain={TERMS.computeOptimal} about="the best split" />
          </p>
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      <div className="stats" role="group" aria-label="Model size estimate">
        <RangeFigure label="Model size" value={`${countInWords(r.params)} parameters`} meaning="The number of learned weights, the “8B” in a model’s name; more is more capable, and dearer to run." />
        <RangeFigure label="Training data" value={`${countInWords(r.tokens)} tokens`} meaning={dataMeaning(r)} term={<Term explain={TERMS.token} about="tokens" />} />
        {hours && gpuTime && <RangeFigure label="GPU time" value={hours} meaning={gpuTime} />}
        {!hours && <RangeFigure label="Computing" value={`${scientific(r.flops)} operations`} meaning="As you gave it: 6 operations for every parameter and every token." />}
      </div>
      {withMoney && <PlanMoneyNotes plan={{ kind: 'optimal', result: r }} currency={pc} />}
      <div className="card plan-answer-note">
        <h2>Why this size</h2>
        <p>
          For a fixed amount of computing, a model this size trained on this much data learns best: a bigger model would see too little data, a smaller one would leave computing unused. The rule comes from {r.source}.
        </p>
        <p className="muted plan-small">
          A smaller model trained on more data costs less to run afterwards; when the model will answer many requests, training past this point can pay off. The answer is a model size to aim for, not a forecast of quality.
        </p>
        <p>
          <a href="#/plan/training" onClick={(e) => (e.preventDefault(), onPlanTraining())}>
            Cost a training run of this size
          </a>{' '}
          <span className="muted plan-small">with time, energy and CO2.</span>
        </p>
      </div>
      <DetailsCard>
        <table className="plan-table" aria-label="Model size in detail">
          <tbody>
            <tr>
              <th scope="row">parameters (N)</th>
              <td className="plan-num">{r.params.toExponential(3)}</td>
            </tr>
            <tr>
              <th scope="row">tokens (D)</th>
              <td className="plan-num">{r.tokens.toExponential(3)}</td>
            </tr>
            <tr>
              <th scope="row">compute, C = 6·N·D</th>
              <td className="plan-num">{r.flops.toExponential(3)} FLOPs</td>
            </tr>
            <tr>
              <th scope="row">tokens per parameter</th>
              <td className="plan-num">{r.tokensPerParam.toFixed(1)}</td>
            </tr>
            <tr>
              <th scope="row">scaling fit</th>
              <td>
                {fitLabel(r.fit)} (<code>{r.fit}</code>)
              </td>
            </tr>
            {r.mfu !== undefined && (
              <tr>
                <th scope="row">model FLOPs utilisation (MFU)</th>
                <td className="plan-num">{Math.round(r.mfu * 100)}% of the dense 16-bit peak</td>
              </tr>
            )}
            {r.goodput !== undefined && (
              <tr>
                <th scope="row">goodput (share of GPU-hours that trains)</th>
                <td className="plan-num">{Math.round(r.goodput * 100)}%</td>
              </tr>
            )}
          </tbody>
        </table>
      </DetailsCard>
      <AssumptionList assumptions={r.assumptions} today={today} currency={pc} />
    </section>
  );
}
