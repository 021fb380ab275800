import type { ReactNode } from 'react';
import type { Input, Output } from '../../../../../shared/contract';
import { countOf } from '../../../../../shared/domain/plain-words';
import { gb } from '../parts/answer-format';
import { AssumptionList } from '../parts/AssumptionList';
import { DetailsCard } from '../parts/DetailsCard';
import type { DeviceFacts } from '../parts/device-groups';
import { RangeFigure } from '../parts/RangeFigure';
import { Term, TERMS } from '../../../components/Term';
import { deviceGroups, deviceVerdict, memoryParts, plainNotes, purposeText, smallestAlone } from './memory-answer';

interface Props {
  input: Input<'estimate.memory'>;
  result: Output<'estimate.memory'>;
  device: DeviceFacts | null;
  devices: readonly DeviceFacts[];
  /** The same model compressed to 4-bit, asked for when it does not fit the owner's device. */
  compressed: Output<'estimate.memory'> | null;
  today: string;
  actions: ReactNode;
}

const contextOf = (input: Input<'estimate.memory'>) => (input.mode === 'inference' ? input.context : input.seq);

/** The answer to "Will this model fit?"; every figure comes from `estimate.memory`. */
export function MemoryResult({ input, result, device, devices, compressed, today, actions }: Props) {
  const verdict = device ? deviceVerdict(result, device, input.mode) : null;
  const alone = smallestAlone(result.fits);
  const groups = deviceGroups(result.fits, devices);
  const parts = memoryParts(result.breakdown);
  const context = contextOf(input);
  const notes = plainNotes(result.notes);
  return (
    <section className="page plan-result plan-answer" aria-labelledby="result-title">
      <header className="page__header">
        <div>
          <p className="plan-wizard__kicker">Will this model fit? · The answer</p>
          <h1 id="result-title">{verdict?.headline ?? `It needs about ${gb(result.totalGb)} of memory`}</h1>
          <p className="muted">
            About {gb(result.totalGb)} to {purposeText(input)}
            {context !== undefined ? `, with ${context.toLocaleString('en-US')} tokens of text in view` : ''}. <Term explain={TERMS.token} about="tokens" />
          </p>
        </div>
        <div className="page__actions">{actions}</div>
      </header>
      {verdict && (
        <div className={`banner ${verdict.kind === 'fits' ? 'banner--ok' : 'banner--warn'}`} role="status">
          {verdict.text}
        </div>
      )}
      {compressed && (
        <div className="banner" role="note">
          Compressed to 4-bit it would need about {gb(compressed.totalGb)}
          {device ? (compressed.totalGb <= device.memoryGb ? `, which fits the ${device.name}.` : `: still more than the ${device.name} has.`) : '.'} Choose “Change answers” to try it.
        </div>
      )}
      <div className="stats" role="group" aria-label="Memory estimate">
        <RangeFigure label="Memory needed" value={gb(result.totalGb)} meaning="On one device, everything listed below included (GB: a billion bytes)." />
        <RangeFigure label="Smallest that holds it alone" value={alone ? `${alone.memoryGb} GB` : 'None'} meaning={alone ? `Like the ${alone.name}: one device with at least ${gb(result.totalGb)} of memory will do.` : 'No single device in the catalog holds it; see which hold it together below.'} />
        <RangeFigure label="Catalog devices that hold it" value={String(result.fits.length)} meaning={`Of the ${countOf(devices.length, 'device')} in the catalog, alone or several together.`} />
      </div>
      <div className="card">
        <h2>What takes the memory</h2>
        <table className="plan-table" aria-label="What takes the memory">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Memory</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.label}>
                <th scope="row">
                  {p.label}
                  <div className="muted plan-small">{p.meaning}</div>
                </th>
                <td className="plan-num">{gb(p.gb)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>Which devices hold it</h2>
        {groups.length === 0 && <p className="muted">No device in the catalog holds it, not even several together.</p>}
        {groups.map((g) => (
          <div key={g.title} className="plan-device-group">
            <h3>{g.title}</h3>
            <table className="plan-table" aria-label={g.title}>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Memory each</th>
                  <th scope="col">How many</th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r) => (
                  <tr key={r.id} className={r.id === device?.id ? 'plan-is-picked' : ''}>
                    <th scope="row">{r.name}</th>
                    <td className="plan-num">{r.memoryGb} GB</td>
                    <td>{r.count === 1 ? 'one is enough' : `${r.count} working together`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
      {notes.length > 0 && (
        <div className="card plan-small" role="note">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      <DetailsCard>
        <table className="plan-table" aria-label="Memory in detail">
          <tbody>
            {parts.map((p) => (
              <tr key={p.technical}>
                <th scope="row">{p.technical}</th>
                <td className="plan-num">{Number(p.gb.toPrecision(4))} GB</td>
              </tr>
            ))}
            <tr>
              <th scope="row">total per device</th>
              <td className="plan-num">{Number(result.totalGb.toPrecision(4))} GB</td>
            </tr>
          </tbody>
        </table>
        <p className="muted plan-small">
          {input.mode === 'inference'
            ? 'Inference: weights at their stored precision (4-bit and 8-bit as llama.cpp’s Q4_0 and Q8_0, with their scales), the KV cache for the text in view, and 20% of the weights as runtime overhead.'
            : `Training: mixed-precision Adam (16 bytes per trained parameter), ZeRO stage 3 sharding when several devices share it, activations with FlashAttention and a micro-batch of one sequence${input.recompute === 'full' ? ', recomputed in the backward pass (gradient checkpointing, as LoRA and QLoRA recipes do)' : ''}.`}
        </p>
        {result.notes.map((n) => (
          <p key={n} className="muted plan-small">
            {n}
          </p>
        ))}
      </DetailsCard>
      <AssumptionList assumptions={result.assumptions} today={today} />
    </section>
  );
}
