import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/domain/csp';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const GATE = join(ROOT, 'scripts/electronegativity.mjs');

interface GateSummary {
  checks: number;
  findings: number;
  annotated: number;
  unannotated: number;
  staleAnnotations: number;
  unreadableFiles: number;
  details: { findings: Array<{ id: string; file: string; manualReview: boolean; annotation: string | null }> };
}

function gate(args: string[]): { status: number | null; output: string; summary: GateSummary } {
  const r = spawnSync(process.execPath, [GATE, '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`the gate printed no summary (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { status: r.status, output: r.stdout, summary: JSON.parse(last) as GateSummary };
}

describe('Electronegativity on the built app', () => {
  let t: ReturnType<typeof tempDir> | undefined;
  afterEach(() => t?.cleanup());

  it('finds nothing outside the manual-review checks, and every manual finding is annotated', { timeout: 300_000 }, () => {
    const { status, output, summary } = gate([]);
    console.log(output.split('\n')[0]);
    expect(summary.checks).toBeGreaterThan(30);
    expect(summary.details.findings.filter((f) => !f.manualReview)).toEqual([]);
    expect(summary.unannotated).toBe(0);
    expect(summary.staleAnnotations).toBe(0);
    expect(summary.unreadableFiles).toBe(0);
    expect(status).toBe(0);
  });

  it('fails on a window that is not sandboxed and on a page without a CSP', { timeout: 120_000 }, () => {
    t = tempDir('tally-electronegativity-fixture-');
    mkdirSync(join(t.dir, 'main'));
    mkdirSync(join(t.dir, 'renderer'));
    writeFileSync(
      join(t.dir, 'main/index.js'),
      [
        "import { BrowserWindow } from 'electron';",
        'export const win = new BrowserWindow({',
        "  webPreferences: { sandbox: false, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },",
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(join(t.dir, 'renderer/index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>\n');
    const { status, summary } = gate(['--input', t.dir]);
    expect(status).toBe(1);
    const failing = summary.details.findings.filter((f) => f.annotation === null).map((f) => f.id);
    expect(failing).toEqual(expect.arrayContaining(['SANDBOX_JS_CHECK', 'CSP_GLOBAL_CHECK']));
    expect(failing).not.toContain('CONTEXT_ISOLATION_JS_CHECK');

    // The same page with Tally's CSP stated in it: the CSP finding is gone, the sandbox one stays.
    writeFileSync(
      join(t.dir, 'renderer/index.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" /></head><body></body></html>\n`,
    );
    const again = gate(['--input', t.dir]);
    expect(again.status).toBe(1);
    const stillFailing = again.summary.details.findings.filter((f) => f.annotation === null).map((f) => f.id);
    expect(stillFailing).toContain('SANDBOX_JS_CHECK');
    expect(stillFailing).not.toContain('CSP_GLOBAL_CHECK');
  });
});
