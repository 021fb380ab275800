import type { RunImportKind, RunImportResult, SkippedEntry } from '../../../../shared/contract/runs-io';

/** Where an imported entry came from, so a problem with it can be named. */
export interface Origin {
  path: string;
  line: number | null;
  field: string | null;
}

const MAX_LISTED = 1000;

/** What an import did and what it skipped, as it goes. */
export class ImportReport {
  readonly skipped: SkippedEntry[] = [];
  moreSkipped = 0;
  runsCreated = 0;
  runsUpdated = 0;
  metricPoints = 0;
  duplicatePoints = 0;
  params = 0;
  tags = 0;
  private readonly experiments = new Map<string, RunImportResult['experiments'][number]>();

  skip(what: SkippedEntry['what'], origin: Origin, reason: string): void {
    if (this.skipped.length < MAX_LISTED) this.skipped.push({ what, path: origin.path, line: origin.line, field: origin.field, reason });
    else this.moreSkipped += 1;
  }

  experiment(e: { id: string; name: string; projectId: string; projectName: string; created: boolean }): void {
    if (!this.experiments.has(e.id)) this.experiments.set(e.id, { ...e, runs: 0 });
  }

  ranInto(experimentId: string): void {
    const e = this.experiments.get(experimentId);
    if (e) e.runs += 1;
  }

  result(kind: RunImportKind, path: string): RunImportResult {
    return {
      kind,
      path,
      experiments: [...this.experiments.values()],
      runsCreated: this.runsCreated,
      runsUpdated: this.runsUpdated,
      metricPoints: this.metricPoints,
      duplicatePoints: this.duplicatePoints,
      params: this.params,
      tags: this.tags,
      skipped: this.skipped,
      moreSkipped: this.moreSkipped,
    };
  }
}
