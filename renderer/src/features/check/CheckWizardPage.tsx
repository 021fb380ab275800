import { useEffect, useMemo, useState } from 'react';
import { CheckStartInput } from '../../../../shared/contract/checks';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStepFocus } from '../../components/focus';
import { useSingleFlight } from '../../components/single-flight';
import { fetchRpc, useRpcMutation, useRpcQuery } from '../../data/rpc-query';
import { taskProblem } from '../../data/task-progress';
import { useTask } from '../../data/use-task';
import { useDraft } from '../../stores/drafts/use-draft';
import { useNavigation } from '../../stores/navigation';
import { FilePickerDialog } from '../datasets/FilePickerDialog';
import { LocatedError } from '../datasets/LocatedError';
import { ColumnsStep } from './steps/ColumnsStep';
import { FilesStep } from './steps/FilesStep';
import { PopulationStep } from './steps/PopulationStep';
import { ReviewStep, RunProgress } from './steps/ReviewStep';
import { RolesStep } from './steps/RolesStep';
import { applyGuesses, back, checkedAndReference, chooseFiles, contractErrors, initialWizard, isResumable, next, STEPS, stepIndex, toCheckRequest, type WizardErrors, type WizardState } from './wizard/check-wizard';
import { bestGuesses, toWizardDatasets } from './wizard/wizard-datasets';

/** The data-quality wizard: holds the wizard state; every rule lives in ./wizard, steps only render. */
export function CheckWizardPage({ projectId }: { projectId: string }) {
  const files = useRpcQuery('datasets.list', { projectId });
  const go = useNavigation((s) => s.go);
  const [taskId, setTaskId] = useState<string | null>(null);
  const start = useRpcMutation('checks.start', { invalidates: [], onSuccess: (r) => setTaskId(r.taskId) });
  const { task, error: taskError, cancel } = useTask('checks.status', taskId);
  // The answers so far survive a reload or a visit elsewhere; finishing or cancelling forgets them.
  const draft = useDraft<WizardState>(`check:${projectId}`, initialWizard, isResumable);
  const { value: state, set: setState, discard } = draft;
  const [errors, setErrors] = useState<WizardErrors>({});
  const [reasons, setReasons] = useState<Partial<Record<'target' | 'id' | 'time', string>>>({});
  const [guessedFor, setGuessedFor] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const datasets = useMemo(() => toWizardDatasets(files.data ?? []), [files.data]);
  const running = start.isPending || task?.state === 'running' || (taskId !== null && !task);

  // A stored run opens its report; the report list and the dataset were refreshed by checks.completed.
  useEffect(() => {
    if (task?.state === 'succeeded' && task.runId) {
      discard();
      go({ page: 'check-run', projectId, runId: task.runId });
    }
  }, [task, go, projectId, discard]);
  const cancelWizard = () => {
    discard();
    go({ page: 'data', projectId });
  };

  // Guesses for the checked file, fetched once per file when the columns step opens.
  const fetchGuesses = (s: WizardState) => {
    const checkedId = checkedAndReference(s.files)?.checked.datasetId ?? null;
    if (!checkedId || guessedFor === checkedId) return;
    setGuessedFor(checkedId);
    // Guesses are a convenience: without them the wizard simply starts with empty choices.
    void fetchRpc('datasets.guessColumns', { datasetId: checkedId }, { fresh: true })
      .catch(() => null)
      .then((g) => {
        const { picks, reasons: why } = bestGuesses(g);
        setReasons(why);
        setState((cur) => applyGuesses(cur, picks));
      });
  };

  const change = (s: WizardState) => {
    setState(s);
    if (Object.keys(errors).length > 0) setErrors({});
  };
  const onNext = () => {
    const r = next(state, datasets);
    setState(r.state);
    setErrors(r.errors);
    if (r.state.step === 'columns' && state.step !== 'columns') fetchGuesses(r.state);
  };
  // Two submits in one instant (a double Enter) start one check: the error, if any, stays on the mutation.
  const launch = useSingleFlight((input: Parameters<typeof start.mutateAsync>[0]) => start.mutateAsync(input).catch(() => undefined));
  const run = () => {
    const request = toCheckRequest(state);
    if (!request) return;
    const refused = contractErrors(request, projectId, CheckStartInput);
    if (Object.keys(refused).length > 0) {
      setErrors(refused);
      return;
    }
    const { roles: _roles, ...input } = request;
    setTaskId(null);
    void launch.run({ projectId, ...input });
  };

  const stepProps = { state, errors, datasets, onChange: change };
  const current = stepIndex(state.step);
  const stepHeading = useStepFocus<HTMLHeadingElement>(state.step);
  const ended = !running && task && task.state !== 'running' && task.state !== 'succeeded' ? task : null;
  const startError = start.error ?? taskError;

  return (
    <section className="page" aria-labelledby="wizard-title">
      <a className="back" href={`#/data/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'data', projectId }))}>
        ← All data
      </a>
      <header className="page__header">
        <div>
          <h1 id="wizard-title">Check data quality</h1>
          <p className="muted">Five short steps; Tally then reads the data and tells you whether it is fit to train or evaluate on.</p>
        </div>
      </header>
      <ol className="wizard-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.id} className={i === current ? 'wizard-steps__item wizard-steps__item--current' : i < current ? 'wizard-steps__item wizard-steps__item--done' : 'wizard-steps__item'} aria-current={i === current ? 'step' : undefined}>
            <span className="wizard-steps__number">{i + 1}</span> {s.title}
          </li>
        ))}
      </ol>
      <ErrorBanner error={files.error} />
      <div className="card wizard">
        {running ? (
          <RunProgress task={task} onCancel={() => cancel()} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (state.step === 'review') run();
              else onNext();
            }}
          >
            <h2 className="wizard__step-title" tabIndex={-1} ref={stepHeading}>
              Step {current + 1} of {STEPS.length}: {STEPS[current]!.title}
            </h2>
            {state.step === 'files' && <FilesStep {...stepProps} onAddFile={() => setPicking(true)} />}
            {state.step === 'roles' && <RolesStep {...stepProps} />}
            {state.step === 'columns' && <ColumnsStep {...stepProps} reasons={reasons} />}
            {state.step === 'population' && <PopulationStep {...stepProps} />}
            {state.step === 'review' && <ReviewStep {...stepProps} />}
            {ended?.state === 'cancelled' && (
              <div className="banner banner--warn" role="status">
                Check cancelled. Nothing was saved; run it again whenever you like.
              </div>
            )}
            {ended?.state === 'failed' && ended.error && (
              <LocatedError error={taskProblem(ended.error)} title="The check could not finish." />
            )}
            {state.step === 'review' && Object.keys(errors).length > 0 && (
              <div className="banner banner--error" role="alert">
                {Object.values(errors).join(' ')}
              </div>
            )}
            <LocatedError error={startError} title="The check could not start." />
            <div className="form__actions">
              <button type="button" className="button" onClick={cancelWizard}>
                Cancel
              </button>
              {current > 0 && (
                <button type="button" className="button" onClick={() => (setState(back(state)), setErrors({}))}>
                  Back
                </button>
              )}
              <button type="submit" className="button button--primary">
                {state.step === 'review' ? 'Run the check' : 'Next'}
              </button>
            </div>
          </form>
        )}
      </div>
      <FilePickerDialog
        projectId={projectId}
        open={picking}
        onClose={() => setPicking(false)}
        onAdded={(id) => {
          const ids = state.files.length < 2 ? [...state.files.map((f) => f.datasetId), id] : state.files.map((f) => f.datasetId);
          // The register mutation refetched the list before resolving: the cached list holds the new file.
          void fetchRpc('datasets.list', { projectId }).then((list) => setState((s) => chooseFiles(s, ids, toWizardDatasets(list))));
        }}
      />
    </section>
  );
}
