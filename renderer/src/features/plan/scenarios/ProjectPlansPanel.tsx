import type { Project } from '../../../../../shared/contract/projects';
import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { ScenarioTable } from './ScenarioTable';

/** The project's saved plans on its overview page, with a way into Plan. */
export function ProjectPlansPanel({ project }: { project: Project }) {
  const go = useNavigation((s) => s.go);
  const list = useRpcQuery('scenarios.list', { projectId: project.id }).data ?? [];
  return (
    <section className="card" aria-labelledby="project-plans-title">
      <div className="page__header">
        <h2 id="project-plans-title">Plans</h2>
        <a href="#/plan" onClick={(e) => (e.preventDefault(), go({ page: 'plan' }))}>
          Make a plan →
        </a>
      </div>
      {list.length === 0 ? (
        <p className="muted">No plans saved to this project yet. Estimate a training run or compare cloud and own hardware in Plan, then save the result here.</p>
      ) : (
        <ScenarioTable rows={list.map((scenario) => ({ scenario, project }))} showProject={false} />
      )}
    </section>
  );
}
