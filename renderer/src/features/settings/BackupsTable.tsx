import type { BackupInfo } from '../../../../shared/contract/system';
import { formatBytes } from '../../stores/datasets/datasets.selectors';

interface BackupsTableProps {
  backups: BackupInfo[];
  busy: boolean;
  onRestore(name: string): void;
}

/** The copies in backups/, newest first, each with what it holds and whether it is usable. */
export function BackupsTable({ backups, busy, onRestore }: BackupsTableProps) {
  return (
    <table className="plan-table" aria-label="Backups">
      <thead>
        <tr>
          <th scope="col">Written (UTC)</th>
          <th scope="col">Projects</th>
          <th scope="col">Size</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.name}>
            <td>
              {b.modifiedAt.slice(0, 16).replace('T', ' ')}
              <div className="muted small">{b.name}</div>
            </td>
            <td>{b.projects ?? '?'}</td>
            <td>{formatBytes(b.sizeBytes)}</td>
            <td>{b.healthy ? 'Healthy' : 'Damaged'}</td>
            <td>
              <button type="button" className="button" disabled={!b.healthy || busy} onClick={() => onRestore(b.name)} aria-label={`Restore the backup from ${b.modifiedAt.slice(0, 16).replace('T', ' ')}`}>
                Restore
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
