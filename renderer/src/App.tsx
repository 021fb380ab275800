import { useEffect } from 'react';
import { AccessLostBanner } from './components/AccessLostBanner';
import { Nav } from './components/Nav';
import { ProjectPage } from './features/projects/ProjectPage';
import { ProjectsPage } from './features/projects/ProjectsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { CheckWizardPage } from './features/check/CheckWizardPage';
import { CheckReportPage } from './features/check/report/CheckReportPage';
import { DataPage } from './features/datasets/DataPage';
import { DatasetProfilePage } from './features/datasets/DatasetProfilePage';
import { PlanPage } from './features/plan/PlanPage';
import { CloudPlanPage } from './features/plan/cloud/CloudPlanPage';
import { TrainingPlanPage } from './features/plan/training/TrainingPlanPage';
import { MemoryPlanPage } from './features/plan/memory/MemoryPlanPage';
import { InferencePlanPage } from './features/plan/inference/InferencePlanPage';
import { OptimalPlanPage } from './features/plan/optimal/OptimalPlanPage';
import { CatalogPage } from './features/catalog/CatalogPage';
import { RunsPage } from './features/runs/RunsPage';
import { RunPage } from './features/runs/run/RunPage';
import { ComparePage } from './features/runs/compare/ComparePage';
import { EvaluatePage } from './features/evaluate/list/EvaluatePage';
import { EvaluationWizardPage } from './features/evaluate/wizard/EvaluationWizardPage';
import { EvaluationPage } from './features/evaluate/evaluation/EvaluationPage';
import { EvalComparePage } from './features/evaluate/compare/EvalComparePage';
import { MonitorPage } from './features/evaluate/monitors/MonitorPage';
import { BudgetPage } from './features/budget/BudgetPage';
import { BudgetAlertWatcher } from './features/budget/BudgetAlertWatcher';
import { useNavigation } from './stores/navigation';
import { useRpcQuery } from './data/rpc-query';
import { DamagedDatabasePage } from './features/settings/DamagedDatabasePage';
import { useRememberProject } from './stores/recent/use-remember-project';

export function App() {
  const route = useNavigation((s) => s.route);
  const sync = useNavigation((s) => s.sync);
  useRememberProject(route);
  // database.changed (a restore, damage found by a check) refreshes this with every other read.
  const damaged = useRpcQuery('system.health', {}).data?.status === 'damaged';
  useEffect(() => {
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [sync]);
  if (damaged) {
    return (
      <div className="shell shell--alone">
        <main id="main" className="main" tabIndex={-1}>
          <DamagedDatabasePage />
        </main>
      </div>
    );
  }
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Hash routes own the URL fragment: move focus without changing it.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Nav />
      <BudgetAlertWatcher />
      <main id="main" className="main" tabIndex={-1}>
        <AccessLostBanner />
        {route.page === 'projects' && <ProjectsPage />}
        {route.page === 'project' && <ProjectPage id={route.id} />}
        {route.page === 'settings' && <SettingsPage />}
        {route.page === 'catalog' && <CatalogPage />}
        {route.page === 'plan' && !route.view && <PlanPage />}
        {route.page === 'plan' && route.view === 'cloud' && <CloudPlanPage key={route.scenarioId ?? 'new'} scenarioId={route.scenarioId} />}
        {route.page === 'plan' && route.view === 'training' && <TrainingPlanPage key={route.scenarioId ?? 'new'} scenarioId={route.scenarioId} />}
        {route.page === 'plan' && route.view === 'memory' && <MemoryPlanPage key={route.scenarioId ?? 'new'} scenarioId={route.scenarioId} />}
        {route.page === 'plan' && route.view === 'inference' && <InferencePlanPage key={route.scenarioId ?? 'new'} scenarioId={route.scenarioId} />}
        {route.page === 'plan' && route.view === 'optimal' && <OptimalPlanPage key={route.scenarioId ?? 'new'} scenarioId={route.scenarioId} />}
        {route.page === 'data' && <DataPage projectId={route.projectId} />}
        {route.page === 'dataset' && <DatasetProfilePage projectId={route.projectId} datasetId={route.datasetId} />}
        {route.page === 'check' && <CheckWizardPage projectId={route.projectId} />}
        {route.page === 'check-run' && <CheckReportPage projectId={route.projectId} runId={route.runId} />}
        {route.page === 'runs' && <RunsPage key={route.projectId} projectId={route.projectId} />}
        {route.page === 'run' && <RunPage key={route.runId} projectId={route.projectId} runId={route.runId} />}
        {route.page === 'compare' && <ComparePage key={route.runIds.join(',')} projectId={route.projectId} runIds={route.runIds} />}
        {route.page === 'evaluate' && <EvaluatePage key={route.projectId} projectId={route.projectId} />}
        {route.page === 'evaluation-new' && <EvaluationWizardPage key={route.projectId} projectId={route.projectId} />}
        {route.page === 'evaluation' && <EvaluationPage key={route.evaluationId} projectId={route.projectId} evaluationId={route.evaluationId} />}
        {route.page === 'evaluation-compare' && <EvalComparePage key={route.evaluationIds.join(',')} projectId={route.projectId} evaluationIds={route.evaluationIds} />}
        {route.page === 'monitor' && <MonitorPage key={route.monitorId} projectId={route.projectId} monitorId={route.monitorId} />}
        {route.page === 'budget' && <BudgetPage key={route.projectId} projectId={route.projectId} />}
      </main>
    </div>
  );
}
