import { Field } from '../../../components/Field';
import { ChoiceGroup } from '../parts/ChoiceGroup';
import { PlanProject, type PlanProjectChoice } from '../parts/PlanProject';
import { TypedPriceNote } from '../parts/TypedPriceNote';
import { AMOUNT, PER_HOUR, PER_KWH, defaultTariffText, electricityHint, typedMoneyOf } from '../../../../../shared/budget/typed-price';
import { Term, TERMS } from '../../../components/Term';
import type { FieldErrors } from '../wizard/wizard';
import { TRAINING_PRESETS } from './training-presets';
import { HARDWARE_USES, PURCHASE_CHOICES, trainingMode, type TrainingValues } from './training-wizard';

interface StepProps {
  stepId: string;
  values: TrainingValues;
  errors: FieldErrors<TrainingValues>;
  set(field: keyof TrainingValues & string, value: string): void;
  /** Any device, for the trial run of an image model. */
  hardware: ReadonlyArray<{ id: string; name: string; memoryGb: number }>;
  /** Cloud GPUs (a rental price in the catalog) and devices people buy; default: `hardware`. */
  rented?: StepProps['hardware'];
  owned?: StepProps['hardware'];
  /** Providers with an on-demand catalog price, per hardware id. */
  providers?: Readonly<Record<string, readonly string[]>>;
  /** The project the plan is for: prices are typed, and the answer shown, in its currency. */
  plan?: PlanProjectChoice;
}

function HardwareSelect({ name, value, hardware, set, p }: { name: 'hardwareId' | 'pilotHardwareId' | 'ownedHardwareId'; value: string; hardware: StepProps['hardware']; set: StepProps['set']; p: Record<string, unknown> }) {
  return (
    <select {...p} name={name} value={value} onChange={(e) => set(name, e.target.value)}>
      {hardware.map((h) => (
        <option key={h.id} value={h.id}>
          {h.name} ({h.memoryGb} GB)
        </option>
      ))}
    </select>
  );
}

/** Renders one question of the training-cost wizard; it decides nothing. */
export function TrainingStep({ stepId, values, errors, set, hardware, rented = hardware, owned = hardware, providers = {}, plan }: StepProps) {
  const pilot = trainingMode(values) === 'pilot';
  switch (stepId) {
    case 'model':
      return (
        <>
          <ChoiceGroup name="preset" legend="Start from" choices={TRAINING_PRESETS} value={values.preset} error={errors.preset} onChange={(v) => set('preset', v)} />
          {!pilot && (
            <Field label="Model size (parameters)" hint="The number of learned weights, e.g. 7B for 7 billion. More parameters need more computing per word." error={errors.params}>
              {(p) => <input {...p} name="params" value={values.params} onChange={(e) => set('params', e.target.value)} className="plan-input--medium" />}
            </Field>
          )}
        </>
      );
    case 'data':
      return pilot ? (
        <>
          <div className="form__row">
            <Field label="Images in the data set" hint="e.g. 1M for one million photos." error={errors.images}>
              {(p) => <input {...p} name="images" value={values.images} onChange={(e) => set('images', e.target.value)} />}
            </Field>
            <Field label="Passes over the data (epochs)" hint="How many times training sees every image; 90 is the classic ResNet recipe." error={errors.epochs}>
              {(p) => <input {...p} name="epochs" inputMode="numeric" value={values.epochs} onChange={(e) => set('epochs', e.target.value)} />}
            </Field>
          </div>
          <h2 className="plan-wizard__subhead">Your trial run</h2>
          <p className="muted">Train for a few minutes and note how many images it got through. We scale that measured speed to the full job and to other hardware. The numbers below are an example; use your own.</p>
          <div className="form__row">
            <Field label="Images processed in the trial" error={errors.pilotItems}>
              {(p) => <input {...p} name="pilotItems" value={values.pilotItems} onChange={(e) => set('pilotItems', e.target.value)} />}
            </Field>
            <Field label="Seconds it took" error={errors.pilotSeconds}>
              {(p) => <input {...p} name="pilotSeconds" inputMode="decimal" value={values.pilotSeconds} onChange={(e) => set('pilotSeconds', e.target.value)} />}
            </Field>
            <Field label="On which device" error={errors.pilotHardwareId}>
              {(p) => <HardwareSelect name="pilotHardwareId" value={values.pilotHardwareId} hardware={hardware} set={set} p={p} />}
            </Field>
          </div>
        </>
      ) : (
        <Field
          label="Training data (tokens)"
          hint="Pieces of words the model reads during training, e.g. 140B. A token is about three quarters of a word; 20 tokens per parameter is the compute-optimal amount."
          error={errors.tokens}
        >
          {(p) => <input {...p} name="tokens" value={values.tokens} onChange={(e) => set('tokens', e.target.value)} className="plan-input--medium" />}
        </Field>
      );
    default:
      return (
        <>
          {plan && <PlanProject plan={plan} />}
          <ChoiceGroup name="use" legend="The GPUs are…" choices={HARDWARE_USES} value={values.use} error={errors.use} onChange={(v) => set('use', v)} />
          {values.use === 'own' ? <OwnedHardware values={values} errors={errors} set={set} owned={owned} /> : <RentedHardware values={values} errors={errors} set={set} rented={rented} providers={providers} />}
          {plan && (
            <TypedPriceNote
              currency={plan.currency}
              prices={
                values.use === 'own'
                  ? [{ text: values.electricityPrice, kind: PER_KWH }, ...(values.purchase === 'writeOff' ? [{ text: values.purchasePrice, kind: AMOUNT }] : [])]
                  : [{ text: values.pricePerGpuHour, kind: PER_HOUR }]
              }
            />
          )}
        </>
      );
  }
}

type PartProps = Pick<StepProps, 'values' | 'errors' | 'set'>;

function GpuCount({ values, errors, set }: PartProps) {
  return (
    <Field label="Number of GPUs" hint="Working together on the same run." error={errors.gpus}>
      {(p) => <input {...p} name="gpus" inputMode="numeric" value={values.gpus} onChange={(e) => set('gpus', e.target.value)} />}
    </Field>
  );
}

/** Cloud GPUs: the device, how many, and its price (the catalog's, one provider's or yours). */
function RentedHardware({ values, errors, set, rented, providers }: PartProps & { rented: StepProps['hardware']; providers: NonNullable<StepProps['providers']> }) {
  return (
    <>
      <div className="form__row">
        <Field label="Cloud GPU" hint="GPUs a cloud rents by the hour; we price them from the catalog." error={errors.hardwareId}>
          {(p) => <HardwareSelect name="hardwareId" value={values.hardwareId} hardware={rented} set={set} p={p} />}
        </Field>
        <GpuCount values={values} errors={errors} set={set} />
      </div>
      <Field label={`Price per GPU-hour in ${typedMoneyOf(values).currency} (optional)`} hint="Leave empty to use the catalog’s on-demand prices (lowest, middle and highest provider)." error={errors.pricePerGpuHour}>
        {(p) => <input {...p} name="pricePerGpuHour" inputMode="decimal" placeholder="from the catalog" value={values.pricePerGpuHour} onChange={(e) => set('pricePerGpuHour', e.target.value)} className="plan-input--medium" />}
      </Field>
      <Field label="Provider (optional)" hint="Price it at one provider’s catalog rows instead of the spread across providers." error={errors.provider}>
        {(p) => (
          <select {...p} name="provider" value={values.provider} onChange={(e) => set('provider', e.target.value)}>
            <option value="">All providers (lowest, middle and highest)</option>
            {(providers[values.hardwareId] ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted plan-small">
        <Term explain={TERMS.gpuHour}>GPU-hour</Term> prices in the catalog are dated; you will see how old each one is next to the result. Prices dated before a provider’s published cut are left out.
      </p>
    </>
  );
}

/** GPUs you already have: no rental price; electricity and, if you like, their purchase. */
function OwnedHardware({ values, errors, set, owned }: PartProps & { owned: StepProps['hardware'] }) {
  const typed = typedMoneyOf(values);
  return (
    <>
      <div className="form__row">
        <Field label="Your GPU" hint="The model you have; each of them is counted." error={errors.ownedHardwareId ?? errors.hardwareId}>
          {(p) => <HardwareSelect name="ownedHardwareId" value={values.ownedHardwareId} hardware={owned} set={set} p={p} />}
        </Field>
        <GpuCount values={values} errors={errors} set={set} />
      </div>
      <Field label={`Electricity price per kWh in ${typed.currency} (optional)`} hint={electricityHint(typed)} error={errors.electricityPrice}>
        {(p) => <input {...p} name="electricityPrice" inputMode="decimal" placeholder={defaultTariffText(typed)} value={values.electricityPrice} onChange={(e) => set('electricityPrice', e.target.value)} className="plan-input--medium" />}
      </Field>
      <ChoiceGroup name="purchase" legend="What the GPUs cost you" choices={PURCHASE_CHOICES} value={values.purchase} error={errors.purchase} onChange={(v) => set('purchase', v)} />
      {values.purchase === 'writeOff' && (
        <div className="form__row">
          <Field label={`Price of one GPU in ${typed.currency}`} hint="What you paid, or would pay, for one." error={errors.purchasePrice}>
            {(p) => <input {...p} name="purchasePrice" inputMode="decimal" placeholder="e.g. 1800" value={values.purchasePrice} onChange={(e) => set('purchasePrice', e.target.value)} />}
          </Field>
          <Field label="Spread over (months)" hint="How long you will use them; 36 is three years." error={errors.writeOffMonths}>
            {(p) => <input {...p} name="writeOffMonths" inputMode="numeric" value={values.writeOffMonths} onChange={(e) => set('writeOffMonths', e.target.value)} />}
          </Field>
        </div>
      )}
    </>
  );
}
