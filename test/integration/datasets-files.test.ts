import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/contract/datasets';
import type { BrowseResult } from '../../shared/contract/files';
import { testBackend } from '../support/temp';
import { newProject, value } from './check-support';

describe('files.browse and registering each format', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('lists subfolders first, then data files with sizes; hides dot-files unless asked', async () => {
    t = testBackend();
    const dir = join(t.dir, 'data');
    mkdirSync(join(dir, 'b-folder'), { recursive: true });
    mkdirSync(join(dir, 'A-folder'));
    mkdirSync(join(dir, '.cache'));
    writeFileSync(join(dir, 'train.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'events.JSONL'), '{"a":1}\n');
    writeFileSync(join(dir, 'notes.docx'), 'not data');
    writeFileSync(join(dir, '.hidden.csv'), 'a\n1\n');
    const r = value<BrowseResult>(await t.backend.dispatch('files.browse', { dir }));
    expect(r).toMatchObject({ dir, parent: t.dir, truncated: false });
    expect(r.entries.map((e) => [e.name, e.kind, e.sizeBytes, e.extension])).toEqual([
      ['A-folder', 'folder', null, null],
      ['b-folder', 'folder', null, null],
      ['events.JSONL', 'file', 8, 'jsonl'],
      ['train.csv', 'file', 8, 'csv'],
    ]);
    expect(r.entries.find((e) => e.name === 'train.csv')!.path).toBe(join(dir, 'train.csv'));
    const all = value<BrowseResult>(await t.backend.dispatch('files.browse', { dir, showHidden: true }));
    expect(all.entries.map((e) => e.name)).toEqual(['.cache', 'A-folder', 'b-folder', '.hidden.csv', 'events.JSONL', 'train.csv']);
  });

  it('starts at the home folder and refuses missing, relative and file paths with a clear error', async () => {
    t = testBackend();
    const home = value<BrowseResult>(await t.backend.dispatch('files.browse', {}));
    expect(home.dir).toBe(home.home);
    expect(await t.backend.dispatch('files.browse', { dir: join(t.dir, 'nope') })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND', message: `There is no folder ${join(t.dir, 'nope')}.` },
    });
    expect(await t.backend.dispatch('files.browse', { dir: 'data' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', location: { field: 'dir' } } });
    writeFileSync(join(t.dir, 'f.csv'), 'a\n1\n');
    expect(await t.backend.dispatch('files.browse', { dir: join(t.dir, 'f.csv') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(value<BrowseResult>(await t.backend.dispatch('files.browse', { dir: '/' })).parent).toBeNull();
  });

  it('sniffs the format and schema of TSV, JSON Lines, JSON arrays and Parquet at registration', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const files = {
      tsv: join(t.dir, 'a.tsv'),
      jsonl: join(t.dir, 'b.jsonl'),
      json: join(t.dir, 'c.json'),
      parquet: join(t.dir, 'd.parquet'),
    };
    writeFileSync(files.tsv, 'id\tscore\tok\n1\t0.5\ttrue\n2\t1.5\tfalse\n');
    writeFileSync(files.jsonl, '{"id": 1, "name": "x", "when": "2026-01-02"}\n{"id": 2, "name": "y", "when": "2026-01-03", "extra": null}\n');
    writeFileSync(files.json, '[{"id": 1, "v": 2.5}, {"id": 2, "v": 3}]');
    copyFileSync(join(import.meta.dirname, '../../electron/backend/analysis/testdata/simple.parquet'), files.parquet);
    const reg = async (path: string) => value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path }));
    const tsv = await reg(files.tsv);
    expect(tsv.format).toBe('tsv');
    expect(tsv.schema).toMatchObject({ source: 'sniffed', delimiter: '\t', hasHeader: true, encoding: 'utf-8' });
    expect(tsv.schema.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'score', type: 'float' },
      { name: 'ok', type: 'boolean' },
    ]);
    const jsonl = await reg(files.jsonl);
    expect(jsonl.format).toBe('jsonl');
    expect(jsonl.schema.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'text' },
      { name: 'when', type: 'datetime' },
      { name: 'extra', type: null },
    ]);
    const json = await reg(files.json);
    expect(json.format).toBe('json');
    expect(json.schema.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'v', type: 'float' },
    ]);
    const parquet = await reg(files.parquet);
    expect(parquet.format).toBe('parquet');
    expect(parquet.schema.columns.length).toBeGreaterThan(0);
  });
});
