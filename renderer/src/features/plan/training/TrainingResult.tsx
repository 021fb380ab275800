import type { ReactNode } from 'react';
import type { TrainingView } from './use-training-view';
import { AssumptionList } from '../parts/AssumptionList';
import type { PlanCurrency } from '../parts/plan-currency';
import { BestGuessNote } from '../parts/BestGuessNote';
import { DetailsCard } from '../parts/DetailsCard';
import { PlanMoneyNotes } from '../parts/PlanMoneyNotes';
import { Term, TERMS } from '../../../components/Term';
import { assumptionName } from '../../../../../shared/budget/assumption-words';
import { bestGuessOf, splitOfBestGuess } from '../../../../../shared/budget/best-guess';
import { CAR_SOURCE, co2, co2Comparison, computeOptimalNote, humanDuration, kwh, memoryFit, otherFindings, ownedCostText, priceAgeText, roundNice, trainingHeadline, type TrainingFigures as Figures } from './training-result';

/** One figure with its likely range; no range line when both ends read the same. */
function Figure({ label, value, range, meaning, term }: { label: string; value: string; range: string | null; meaning: ReactNode; term?: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      {range !== null && (
        <div className="plan-stat__range">
          likely {range} {term}
        </div>
      )}
      <div className="stat__meaning">{meaning}</div>
    </div>
  );
}

/** "16 hours to 1.2 days", or null when both ends read the same. */
function sameText(fmt: (x: number) => string, low: number, high: number): string | null {
  return fmt(low) === fmt(high) ? null : `${fmt(low)} to ${fmt(high)}`;
}

/**
 * The answer to "What will training cost?"; every figure comes from the estimate, its money in
 * the currency of the project the plan is for (converted once from the estimate's dollars). Each
 * figure is the best guess the saved plan shows too, the middle of its likely range
 * (best-guess.ts); the estimate run once at its inputs' middle values is under Details.
 */
export function TrainingResult({ view, currency: pc, hardwareMemoryGb, today, actions }: { view: TrainingView; currency: PlanCurrency; hardwareMemoryGb: number | null; today: string; actions: ReactNode }) {
  const e = view.estimate;
  const usd = pc.approx;
  const likelyRange = pc.approxRange;
  const p10: Figures = e.range.p10;
  const p90: Figures = e.range.p90;
  const best: Figures = bestGuessOf<Figures>(e);
  const single: Figures = e;
  const gpus = view.mode === 'llm' ? (view.input.gpus ?? 1) : (view.input.target?.devices ?? 1);
  const hwName = e.hardware.name;
  const optimalNote = view.mode === 'llm' && view.optimal && view.input.tokens ? computeOptimalNote(view.input.tokens, view.optimal) : null;
  const fit = view.mode === 'llm' && view.memory ? memoryFit(view.memory, e.hardware.id, hwName, gpus, hardwareMemoryGb) : null;
  const top = e.sensitivity.slice(0, 3);
  const gpuHours = view.mode === 'llm' ? view.estimate.range.p50.gpuHours : view.estimate.range.p50.deviceHours;
  const priceAssumption = view.mode === 'llm' ? e.assumptions.pricePerGpuHourUsd : e.assumptions.pricePerDeviceHourUsd;
  const priceAge = priceAgeText(priceAssumption, today);
  const { warnings, notes } = otherFindings(e.warnings ?? [], view.mode === 'llm' ? (view.estimate.notes ?? []) : [], fit !== null);
  const owned = view.input.owned !== undefined;
  const where = `${gpus} x ${hwName}${owned ? ' you own' : ''}`;
  const costMeaning = e.ownedCost && best.costUsd !== null ? ownedCostText(splitOfBestGuess(e.ownedCost, best.costUsd), e.assumptions, pc) : `What renting the GPUs for the whole run costs.${priceAge ? ` Priced ${priceAge}.` : ''}`;
  return (
    <section className="page plan-result" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">What will training cost? · The answer</p>
          <h1 id="result-title">{trainingHeadline(best, where, pc)}</h1>
          <p className="muted">
            {view.mode === 'pilot' ? `Scaled from your trial run (the new hardware is about ${roundNice(view.estimate.peakRatio)}x as fast on paper).` : `${roundNice(gpuHours).toLocaleString('en-US')} GPU-hours of computing in total.`}{' '}
            <Term explain={TERMS.gpuHour}>GPU-hours</Term>
          </p>
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      <div className="stats" role="group" aria-label="Training estimate">
        {best.costUsd !== null && p10.costUsd !== null && p90.costUsd !== null && (
          <Figure label="Cost" value={usd(best.costUsd)} range={likelyRange(p10.costUsd, p90.costUsd)} meaning={costMeaning} term={<Term explain={TERMS.p10p90} about="likely range" />} />
        )}
        <Figure label="Time" value={humanDuration(best.wallClockHours)} range={sameText(humanDuration, p10.wallClockHours, p90.wallClockHours)} meaning={gpus === 1 ? 'From start to finish on one GPU.' : `From start to finish with all ${gpus} GPUs working.`} />
        <Figure label="Energy" value={kwh(best.energyKwh)} range={sameText(kwh, p10.energyKwh, p90.energyKwh)} meaning="Electricity used, cooling included." term={<Term explain={TERMS.pue} about="energy and cooling" />} />
        <Figure label="CO2" value={co2(best.co2Kg)} range={sameText(co2, p10.co2Kg, p90.co2Kg)} meaning={<span title={CAR_SOURCE}>{co2Comparison(best.co2Kg)} (US EPA: 400 g per mile).</span>} term={<Term explain={TERMS.co2} about="CO2" />} />
      </div>
      <BestGuessNote />
      <PlanMoneyNotes plan={view.mode === 'llm' ? { kind: 'training', result: view.estimate } : { kind: 'pilot', result: view.estimate }} currency={pc} />
      {warnings.map((w) => (
        <div key={w} className="banner banner--warn" role="status">
          <strong>Check this:</strong> {w}
        </div>
      ))}
      {notes.length > 0 && (
        <div className="card plan-small" role="note">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {fit && (
        <div className={`banner ${fit.fits ? 'banner--ok' : 'banner--warn'}`} role="status">
          <strong>{fit.fits ? 'Fits in memory.' : 'Does not fit in memory.'}</strong> {fit.text} <Term explain={TERMS.memory}>GPU memory</Term>
        </div>
      )}
      {optimalNote && (
        <div className="card">
          <h2>
            Is this a sensible model size? <Term explain={TERMS.computeOptimal}>compute-optimal</Term>
          </h2>
          <p>{optimalNote}</p>
        </div>
      )}
      <div className="card">
        <h2>{owned ? 'Renting instead' : 'Cheaper hardware'}</h2>
        {view.alternatives.length ? (
          <table className="plan-table" aria-label={owned ? 'Renting instead' : 'Cheaper hardware'}>
            <thead>
              <tr>
                <th scope="col">Hardware ({gpus} of each)</th>
                <th scope="col">Cost</th>
                <th scope="col">Likely range</th>
                <th scope="col">Time</th>
                <th scope="col">Price dated</th>
              </tr>
            </thead>
            <tbody>
              {view.alternatives.map((a) => (
                <tr key={a.hardwareId}>
                  <th scope="row">{a.name}</th>
                  <td className="plan-num">{usd(a.costUsd.p50)}</td>
                  <td className="plan-num">{likelyRange(a.costUsd.p10, a.costUsd.p90) ?? usd(a.costUsd.p50)}</td>
                  <td className="plan-num">{humanDuration(a.wallClockHours)}</td>
                  <td className="plan-small">{a.priceAsOf ? (priceAgeText({ value: 0, source: 'catalog', asOf: a.priceAsOf }, today) ?? a.priceAsOf).replace(/^at catalog prices from /, '') : 'not dated'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No device in the catalog with a rental price does this run for clearly less.</p>
        )}
        <p className="muted plan-small">
          {owned
            ? `The same run on ${gpus === 1 ? 'one rented cloud GPU' : `${gpus} rented cloud GPUs`}: your model when a cloud rents it, then the three cheapest others, at the catalog’s on-demand prices.`
            : 'Same run, priced at each device’s catalog on-demand prices. Slower devices can still be cheaper per run.'}
        </p>
      </div>
      {top.length > 0 && (
        <div className="card">
          <h2>
            What moves the figure most <Term explain={TERMS.sensitivity} about="what moves the figure" />
          </h2>
          <ul className="plan-change-list">
            {top.map((s) => (
              <li key={s.input}>
                The {assumptionName(s.input)}: from its low to its high case it moves the {s.metric === 'costUsd' ? 'cost' : 'time'} from {s.metric === 'costUsd' ? usd(s.outputAtInputLow) : humanDuration(s.outputAtInputLow)} to{' '}
                {s.metric === 'costUsd' ? usd(s.outputAtInputHigh) : humanDuration(s.outputAtInputHigh)}.
              </li>
            ))}
          </ul>
        </div>
      )}
      <DetailsCard>
        <table className="plan-table" aria-label="Training in detail">
          <caption className="muted plan-small">The estimate run once with every input at its middle value. The figures above are the middle of 10,000 runs over the inputs’ likely ranges, so they can differ by a few percent.</caption>
          <tbody>
            {single.costUsd !== null && (
              <tr>
                <th scope="row">cost, one run at the middle values</th>
                <td className="plan-num">{usd(single.costUsd)}</td>
              </tr>
            )}
            <tr>
              <th scope="row">time, one run at the middle values</th>
              <td className="plan-num">{humanDuration(single.wallClockHours)}</td>
            </tr>
            <tr>
              <th scope="row">energy and CO2, one run at the middle values</th>
              <td className="plan-num">
                {kwh(single.energyKwh)}, {co2(single.co2Kg)}
              </td>
            </tr>
          </tbody>
        </table>
      </DetailsCard>
      <AssumptionList assumptions={e.assumptions} today={today} currency={pc} />
    </section>
  );
}
