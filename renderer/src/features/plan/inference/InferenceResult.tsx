import type { ReactNode } from 'react';
import type { Input, Output } from '../../../../../shared/contract';
import { countOf, waitText } from '../../../../../shared/domain/plain-words';
import { gb, tokensPerSecondShort } from '../parts/answer-format';
import { AssumptionList } from '../parts/AssumptionList';
import type { PlanCurrency } from '../parts/plan-currency';
import { PlanMoneyNotes } from '../parts/PlanMoneyNotes';
import { DetailsCard } from '../parts/DetailsCard';
import { RangeFigure } from '../parts/RangeFigure';
import { Term, TERMS } from '../../../components/Term';
import { BestGuessNote } from '../parts/BestGuessNote';
import { costMeaning, plainServingNotes, sensitivityLines, servingCost, servingHeadline, speedMeaning, writingLine } from './inference-answer';

interface Props {
  input: Input<'estimate.inference'>;
  result: Output<'estimate.inference'>;
  /** The project's currency the cost is shown in, converted once from the estimate's dollars. */
  currency: PlanCurrency;
  today: string;
  actions: ReactNode;
}

const sig = (x: number) => Number(x.toPrecision(3)).toLocaleString('en-US');

/**
 * The answer to "How fast, and how much per request?"; every figure comes from
 * `estimate.inference`. The headline figures are its best guess, the middle of each likely range,
 * as the saved plan shows them; Details has the engineer's figures and the single run.
 */
export function InferenceResult({ input, result: r, currency: pc, today, actions }: Props) {
  const usd = pc.approx;
  const { p10, p50: best, p90 } = r.range;
  const batch = input.batch ?? 1;
  const notes = plainServingNotes(r);
  const moves = sensitivityLines(r);
  const cost = servingCost(r, pc);
  return (
    <section className="page plan-result plan-answer" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">How fast, and how much per request? · The answer</p>
          <h1 id="result-title">{servingHeadline(r)}</h1>
          <p className="muted">
            {writingLine(r)} <Term explain={TERMS.token} about="tokens" />
          </p>
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      {(r.warnings ?? []).map((w) => (
        <div key={w} className="banner banner--warn" role="status">
          <strong>Check this:</strong> {w}
        </div>
      ))}
      <div className="stats" role="group" aria-label="Serving estimate">
        <RangeFigure
          label="Whole answer"
          value={waitText(best.latencyMs.total)}
          low={waitText(p10.latencyMs.total)}
          high={waitText(p90.latencyMs.total)}
          meaning={`From sending ${countOf(input.promptTokens ?? 512, 'token')} to having all ${countOf(input.outputTokens ?? 256, 'token')} of the answer.`}
          term={<Term explain={TERMS.p10p90} about="likely range" />}
        />
        <RangeFigure label="First words after" value={waitText(best.latencyMs.firstToken)} low={waitText(p10.latencyMs.firstToken)} high={waitText(p90.latencyMs.firstToken)} meaning="The wait before the answer starts to appear." />
        <RangeFigure
          label="Writing speed"
          value={tokensPerSecondShort(best.decodeTokensPerSPerSequence)}
          low={tokensPerSecondShort(p10.decodeTokensPerSPerSequence)}
          high={tokensPerSecondShort(p90.decodeTokensPerSPerSequence)}
          meaning={speedMeaning(r, batch)}
        />
        {cost !== null && p10.costPer1kRequestsUsd !== null && p90.costPer1kRequestsUsd !== null ? (
          <RangeFigure label="Cost per 1,000 requests" value={cost} low={usd(p10.costPer1kRequestsUsd)} high={usd(p90.costPer1kRequestsUsd)} meaning={costMeaning(r, today, pc)} />
        ) : (
          <RangeFigure label="Cost per 1,000 requests" value="Not known" meaning={costMeaning(r, today, pc)} />
        )}
      </div>
      <BestGuessNote />
      {cost !== null && <PlanMoneyNotes plan={{ kind: 'inference', result: r }} currency={pc} />}
      <div className="card plan-small" role="note">
        <p>
          The model needs about {gb(r.memoryGb)} of memory{r.gpus === 1 ? '' : `, shared by ${countOf(r.gpus, 'device')}`}. Figures assume the device does nothing else and the request waits for no other.
        </p>
        {notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </div>
      {moves.length > 0 && (
        <div className="card">
          <h2>
            What moves the answer time most <Term explain={TERMS.sensitivity} about="what moves the answer time" />
          </h2>
          <ul className="plan-change-list">
            {moves.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <DetailsCard>
        <table className="plan-table" aria-label="Serving in detail">
          <tbody>
            <tr>
              <th scope="row">prefill (reading the question)</th>
              <td className="plan-num">{sig(best.prefillTokensPerS)} tokens/s</td>
            </tr>
            <tr>
              <th scope="row">decode, per sequence / all sequences</th>
              <td className="plan-num">
                {sig(best.decodeTokensPerSPerSequence)} / {sig(best.decodeTokensPerSTotal)} tokens/s
              </td>
            </tr>
            <tr>
              <th scope="row">latency, first token / total</th>
              <td className="plan-num">
                {sig(best.latencyMs.firstToken)} / {sig(best.latencyMs.total)} ms
              </td>
            </tr>
            <tr>
              <th scope="row">latency total{r.costPer1kRequestsUsd !== null ? ' / cost per 1,000 requests' : ''}, one run with every input at its middle value</th>
              <td className="plan-num">
                {sig(r.latencyMs.total)} ms{r.costPer1kRequestsUsd !== null ? ` / ${usd(r.costPer1kRequestsUsd)}` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">decode limited by</th>
              <td>{r.bound === 'memory' ? 'memory bandwidth (memory-bound)' : 'compute (compute-bound)'}</td>
            </tr>
            <tr>
              <th scope="row">memory (weights, KV cache, overhead)</th>
              <td className="plan-num">{sig(r.memoryGb)} GB on {countOf(r.gpus, 'device')}</td>
            </tr>
            {best.costPer1MTokensUsd !== null && (
              <tr>
                <th scope="row">cost per 1M output tokens, fully busy</th>
                <td className="plan-num">{usd(best.costPer1MTokensUsd)}</td>
              </tr>
            )}
            {r.energyJPerToken !== null && (
              <tr>
                <th scope="row">energy per output token (rated power)</th>
                <td className="plan-num">{sig(r.energyJPerToken)} J</td>
              </tr>
            )}
          </tbody>
        </table>
        <p className="muted plan-small">Figures are the middle of 10,000 runs over the inputs’ likely ranges; the single run with every input at its middle value can differ by a few percent.</p>
        {r.notes.map((n) => (
          <p key={n} className="muted plan-small">
            {n}
          </p>
        ))}
      </DetailsCard>
      <AssumptionList assumptions={r.assumptions} today={today} currency={pc} />
    </section>
  );
}
