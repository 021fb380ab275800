import { useEffect, useState } from 'react';
import { fetchRpc, useRpcMutation, useRpcQuery } from '../../../data/rpc-query';
import { asErrorData, type AppErrorData } from '../../../../../shared/domain/errors';
import { useStepFocus } from '../../../components/focus';
import { useSingleFlight } from '../../../components/single-flight';
import { useDraft } from '../../../stores/drafts/use-draft';
import { useNavigation } from '../../../stores/navigation';
import { FilePickerDialog } from '../../datasets/FilePickerDialog';
import { LocatedError } from '../../datasets/LocatedError';
import { TaskProgress } from '../TaskProgress';
import { useProjectLinks } from '../use-links';
import { taskProblem } from '../../../data/task-progress';
import { useTask } from '../../../data/use-task';
import { back, chooseFile, contractErrors, initialWizard, isResumable, next, STEPS, stepIndex, toStartInput, withGuesses, type EvalWizardState, type WizardErrors } from './eval-wizard';
import { FileStep } from './steps/FileStep';
import { OptionsStep } from './steps/OptionsStep';
import { RolesStep } from './steps/RolesStep';
import '../evaluate.css';

/** The evaluation wizard: holds the wizard state; every rule lives in eval-wizard.ts, steps only render. */
export function EvaluationWizardPage({ projectId }: { projectId: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id: projectId });
  const links = useProjectLinks(projectId);
  // The answers so far survive a reload or a visit elsewhere; finishing or cancelling forgets them.
  const { value: state, set: setState, discard } = useDraft<EvalWizardState>(`evaluate:${projectId}`, initialWizard, isResumable);
  const [errors, setErrors] = useState<WizardErrors>({});
  const [picking, setPicking] = useState(false);
  const [guessing, setGuessing] = useState(false);
  const [fileError, setFileError] = useState<AppErrorData | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const start = useRpcMutation('evaluations.start', { invalidates: [], onSuccess: (r) => setTaskId(r.taskId) });
  const { task, error: taskError, cancel } = useTask('evaluations.status', taskId);
  const running = start.isPending || task?.state === 'running' || (taskId !== null && !task);
  const ended = task && task.state !== 'running' && task.state !== 'succeeded' ? task : null;

  useEffect(() => {
    if (task?.state === 'succeeded' && task.evaluationId) {
      discard();
      go({ page: 'evaluation', projectId, evaluationId: task.evaluationId });
    }
  }, [task, go, projectId, discard]);

  const change = (s: EvalWizardState) => {
    setState(s);
    if (Object.keys(errors).length > 0) setErrors({});
  };

  const guess = async (s: EvalWizardState) => {
    setGuessing(true);
    setFileError(null);
    try {
      const g = await fetchRpc('evaluations.guessRoles', { path: s.path.trim() }, { fresh: true });
      setState((cur) => withGuesses(cur, g));
    } catch (e) {
      setFileError(asErrorData(e));
    } finally {
      setGuessing(false);
    }
  };

  const onNext = () => {
    const r = next(state);
    setErrors(r.errors);
    if (r.needGuesses) void guess(state);
    else setState(r.state);
  };

  // Two submits in one instant start one evaluation: the error, if any, stays on the mutation.
  const launch = useSingleFlight((input: Parameters<typeof start.mutateAsync>[0]) => start.mutateAsync(input).catch(() => undefined));
  const run = () => {
    const r = next(state);
    if (Object.keys(r.errors).length > 0) return setErrors(r.errors);
    const input = toStartInput(state, projectId);
    const refused = contractErrors(input);
    if (Object.keys(refused).length > 0) return setErrors(refused);
    setTaskId(null);
    void launch.run(input);
  };

  const current = stepIndex(state.step);
  const stepHeading = useStepFocus<HTMLHeadingElement>(state.step);
  const stepProps = { state, errors, onChange: change };
  const problem = taskProblem(ended?.error);

  return (
    <section className="page" aria-labelledby="eval-wizard-title">
      <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/evaluate`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluate', projectId }))}>
        ← All evaluations
      </a>
      <header className="page__header">
        <div>
          <h1 id="eval-wizard-title">New evaluation</h1>
          <p className="muted">Three short steps; Tally then reads the predictions and says how good the model is, for whom it works less well, and what its mistakes cost.</p>
        </div>
      </header>
      <ol className="wizard-steps" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s.id} className={i === current ? 'wizard-steps__item wizard-steps__item--current' : i < current ? 'wizard-steps__item wizard-steps__item--done' : 'wizard-steps__item'} aria-current={i === current ? 'step' : undefined}>
            <span className="wizard-steps__number">{i + 1}</span> {s.title}
          </li>
        ))}
      </ol>
      <div className="card wizard">
        {running ? (
          <TaskProgress title="Evaluating…" task={task} onCancel={() => cancel()} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (state.step === 'options') run();
              else onNext();
            }}
          >
            <h2 className="wizard__step-title" tabIndex={-1} ref={stepHeading}>
              Step {current + 1} of {STEPS.length}: {STEPS[current]!.title}
            </h2>
            {state.step === 'file' && <FileStep {...stepProps} onPick={() => setPicking(true)} />}
            {state.step === 'roles' && <RolesStep {...stepProps} />}
            {state.step === 'options' && <OptionsStep {...stepProps} currency={project.data?.currency ?? 'USD'} runs={links.runs} datasets={links.datasets} />}
            <LocatedError error={fileError} title="Tally could not read this file." />
            {ended?.state === 'cancelled' && (
              <div className="banner banner--warn" role="status">
                Evaluation cancelled. Nothing was saved; run it again whenever you like.
              </div>
            )}
            {ended?.state === 'failed' && <LocatedError error={problem} title="The evaluation could not finish." />}
            <LocatedError error={start.error ?? taskError} title="The evaluation could not start." />
            {state.step === 'options' && Object.keys(errors).some((k) => !['name', 'threshold', 'costFalsePositive', 'costFalseNegative', 'runId', 'datasetId'].includes(k) && !k.startsWith('gates')) && (
              <div className="banner banner--error" role="alert">
                {Object.values(errors).join(' ')}
              </div>
            )}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => (discard(), go({ page: 'evaluate', projectId }))}>
                Cancel
              </button>
              {current > 0 && (
                <button type="button" className="button" onClick={() => (setState(back(state)), setErrors({}))}>
                  Back
                </button>
              )}
              <button type="submit" className="button button--primary" disabled={guessing}>
                {state.step === 'options' ? 'Run the evaluation' : guessing ? 'Reading the file…' : 'Next'}
              </button>
            </div>
          </form>
        )}
      </div>
      <FilePickerDialog
        projectId={projectId}
        open={picking}
        onClose={() => setPicking(false)}
        pick={{ kind: 'file', title: 'Choose the predictions file', action: 'Use this file', onChosen: (path) => change(chooseFile(state, path)) }}
      />
    </section>
  );
}
