import type { DatabaseHealth } from '../../../../shared/contract/system';
import { parseFlags, stringFlag } from '../args';
import { call, withBackend } from '../backend-call';
import { json, table } from '../format';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';

const USAGE = `tally db check [--full] [--json]      quick_check (or integrity_check with --full); exit 1 when damaged
       tally db backups [--json]             the copies in <data folder>/backups, newest first
       tally db backup                       write a copy now
       tally db restore NAME --yes           put a backup in place; the current file is kept beside it
  (all take --data-dir DIR)`;

const FLAGS = { json: { type: 'boolean' }, full: { type: 'boolean' }, yes: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
}

function backupsTable(h: DatabaseHealth): string {
  if (h.backups.length === 0) return `No backups in ${h.backupDir}.`;
  return table(
    ['NAME', 'WRITTEN (UTC)', 'SIZE', 'SCHEMA', 'PROJECTS', 'STATE'],
    h.backups.map((b) => [b.name, b.modifiedAt.slice(0, 16).replace('T', ' '), kb(b.sizeBytes), b.schemaVersion, b.projects, b.healthy ? 'healthy' : 'damaged']),
  );
}

function healthText(h: DatabaseHealth): string {
  if (h.status === 'ok') return `${h.dbPath}: ok (${h.check.mode === 'full' ? 'integrity_check' : 'quick_check'}).`;
  return [
    `${h.dbPath} is damaged; Tally opens it read-only and writes nothing into it.`,
    ...h.check.problems.slice(0, 5).map((p) => `  ${p}`),
    '',
    backupsTable(h),
    h.backups.some((b) => b.healthy) ? `\nRestore one with: tally db restore NAME --yes` : '',
  ].join('\n');
}

async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseFlags(args, FLAGS, USAGE);
  const asJson = p.values.json === true;
  const sub = p.positionals[0];
  return withBackend(io, stringFlag(p, 'data-dir'), async (backend) => {
    switch (sub) {
      case 'check': {
        const h = await call(backend, 'system.checkDatabase', { full: p.values.full === true });
        io.out(asJson ? json(h) : healthText(h));
        return h.status === 'ok' ? EXIT.ok : EXIT.failed;
      }
      case 'backups': {
        const h = await call(backend, 'system.health', {});
        io.out(asJson ? json(h.backups) : backupsTable(h));
        return EXIT.ok;
      }
      case 'backup': {
        const r = await call(backend, 'system.backupNow', {});
        io.out(asJson ? json(r) : `Wrote ${r.path}`);
        return EXIT.ok;
      }
      case 'restore': {
        const name = p.positionals[1];
        if (!name) throw new CliError(`missing backup NAME (see "tally db backups")\nusage: ${USAGE}`);
        if (p.values.yes !== true) throw new CliError(`Restoring ${name} replaces the current database (kept beside it, renamed). Close other Tally windows on this folder, then add --yes.`);
        const r = await call(backend, 'system.restoreBackup', { name });
        io.out(asJson ? json(r) : `Restored ${r.restored}.\nThe previous file is kept as ${r.keptAs}.`);
        return EXIT.ok;
      }
      default:
        throw new CliError(`unknown db command "${sub ?? ''}"\nusage: ${USAGE}`);
    }
  });
}

export const dbCommand: Command = { name: 'db', summary: 'check the database, list and write backups, restore one', usage: USAGE, run };
