import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES } from '../../bin/bundles.js';
import { readAllowList, scanForNetworkReferences, type ReferenceReport } from '../support/network-references';
import { tempDir } from '../support/temp';

const ROOT = join(import.meta.dirname, '../..');
const ALLOW_LIST = join(import.meta.dirname, 'remote-urls-allow.txt');

/** What ships and what the CLI runs: electron-vite's out/ and the esbuild bundles of bin/bundles.js. */
function buildApp(dir: string): string[] {
  const out = join(dir, 'out');
  const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`);
  const bundles = join(dir, 'bundles');
  buildSync({
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, entry]) => [name, join(ROOT, entry)])),
    outdir: bundles,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  return [out, bundles];
}

const describeRefs = (refs: ReferenceReport['refused']) => refs.map((r) => `${r.kind} ${r.text} in ${r.file}:${r.line}: ${r.context}`);

describe('the built app holds no way out to the network', () => {
  let t: ReturnType<typeof tempDir>;
  let report: ReferenceReport;
  beforeAll(() => {
    t = tempDir('tally-built-output-');
    report = scanForNetworkReferences(buildApp(t.dir), t.dir, readAllowList(ALLOW_LIST));
    const judged = new Map<string, number>();
    for (const a of report.allowed) judged.set(a.text, (judged.get(a.text) ?? 0) + 1);
    console.log(
      `Built output: ${report.files} files, ${(report.bytes / 1e6).toFixed(1)} MB; URLs: ${report.loopbackUrls} loopback, ${report.allowed.length} allow-listed` +
        ` (${judged.size} distinct), ${report.refused.filter((r) => r.kind === 'remote URL').length} other; ` +
        `telemetry SDKs: ${report.refused.filter((r) => r.kind === 'telemetry or analytics SDK').length}; update checks: ${report.refused.filter((r) => r.kind === 'update check').length}`,
    );
  }, 240_000);
  afterAll(() => t?.cleanup());

  it('scanned main, preload, renderer and the CLI and worker bundles', () => {
    expect(report.fileNames).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/main/analysis-worker.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'bundles/cli.js',
        'bundles/analysis-worker.js',
        'bundles/parallel/csv-range-thread.js',
      ]),
    );
    expect(report.fileNames.some((f) => /^out\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    // The browser host's own address is in there: the scan reads what it should.
    expect(report.loopbackUrls).toBeGreaterThan(0);
  });

  it('has no remote URL that is not on the allow-list with its reason', () => {
    expect(describeRefs(report.refused.filter((r) => r.kind === 'remote URL'))).toEqual([]);
  });

  it('has no telemetry or analytics SDK and no update check', () => {
    expect(describeRefs(report.refused.filter((r) => r.kind !== 'remote URL'))).toEqual([]);
  });

  it('keeps the allow-list true: every line still matches something in the build', () => {
    expect(report.unused.map((a) => a.url)).toEqual([]);
  });
});

describe('the scan itself', () => {
  it('finds a fetch, a websocket, an SDK and an update check, and accepts loopback and allow-listed URLs', () => {
    const t = tempDir('tally-scan-fixture-');
    try {
      mkdirSync(join(t.dir, 'main'));
      writeFileSync(
        join(t.dir, 'main/index.js'),
        [
          'import * as Sentry from "@sentry/electron";',
          'import { autoUpdater } from "electron-updater";',
          'await fetch("https://api.example.com/v1/usage?id=1");',
          'const ws = new WebSocket(`wss://${host}/live`);',
          'const local = "http://127.0.0.1:8080/rpc", v6 = "http://[::1]:9/", named = "http://localhost/";',
          '// See https://react.dev/errors/418 for the full message.',
          '',
        ].join('\n'),
      );
      const r = scanForNetworkReferences([t.dir], t.dir, [
        { url: 'https://react.dev/errors/', reason: 'text in error messages' },
        { url: 'https://unused.example.org/', reason: 'matches nothing' },
      ]);
      expect(r.loopbackUrls).toBe(3);
      expect(r.allowed.map((a) => a.text)).toEqual(['https://react.dev/errors/418']);
      expect(r.refused.map((x) => [x.kind, x.text, x.line])).toEqual([
        ['remote URL', 'https://api.example.com/v1/usage?id=1', 3],
        ['remote URL', 'wss://${host}/live', 4],
        ['telemetry or analytics SDK', '@sentry/', 1],
        ['update check', 'autoUpdater', 2],
        ['update check', 'electron-updater', 2],
      ]);
      expect(r.unused.map((a) => a.url)).toEqual(['https://unused.example.org/']);
    } finally {
      t.cleanup();
    }
  });
});
