import type { ProjectDetail } from '../../../../shared/contract/projects';
import { formatMoney } from '../../../../shared/domain/money';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Names exactly what a delete removes, so nobody loses work by surprise. */
export function deletionSummary(p: ProjectDetail): string[] {
  const lines = [`the project “${p.name}” and its notes`];
  if (p.budgetCents != null) lines.push(`its budget of ${formatMoney(p.budgetCents, p.currency)}`);
  for (const c of p.contents) if (c.count > 0) lines.push(`${c.count} ${c.label}`);
  return lines;
}

export function DeleteProjectDialog(props: { project: ProjectDetail; open: boolean; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { project } = props;
  return (
    <ConfirmDialog
      open={props.open}
      title={`Delete “${project.name}”?`}
      confirmLabel="Delete project"
      danger
      busy={props.busy}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p>This permanently removes:</p>
      <ul>
        {deletionSummary(project).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p className="muted">Data files you linked stay where they are on disk. To keep the project out of the way instead, archive it.</p>
    </ConfirmDialog>
  );
}
