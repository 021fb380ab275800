/**
 * A forward-only schema step. `sql` is the whole migration and its checksum: editing it after it
 * was applied anywhere is detected and refused. Never edit or renumber a released migration;
 * add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
