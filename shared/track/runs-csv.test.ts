import { describe, expect, it } from 'vitest';
import { parseRunsCsv, RunsCsvError, runsToCsv, type CsvRunOut } from './runs-csv';

const RUN: CsvRunOut = {
  id: 'a'.repeat(32),
  name: 'lr-0.1',
  experiment: 'sweep',
  status: 'FINISHED',
  startTime: '2026-11-20T08:00:00.000Z',
  endTime: '2026-11-20T10:00:00.000Z',
  hours: 2,
  hardware: 'h100-sxm',
  devices: 8,
  costCents: 12345,
  currency: 'USD',
  costBasis: 'catalog',
  energyKwh: 12.5,
  energyBasis: 'estimated',
  co2Kg: 4.75,
  params: { lr: '0.1', cmd: "=cmd|' /C calc'!A0" },
  metrics: { loss: -0.5, acc: 'NaN' },
  tags: { team: 'vision, cv' },
};

describe('runs CSV', () => {
  it('writes the fixed columns, then param., metric. and tag. columns, every risky cell neutralised', () => {
    const text = runsToCsv([RUN, { ...RUN, id: 'b'.repeat(32), params: { other: 'x' }, metrics: {}, tags: {} }]);
    const [header, first, second] = text.trimEnd().split('\r\n');
    expect(header).toBe('id,name,experiment,status,start_time,end_time,duration_hours,hardware,devices,cost,currency,cost_basis,energy_kwh,energy_basis,co2_kg,param.cmd,param.lr,param.other,metric.acc,metric.loss,tag.team');
    expect(first).toBe(`${'a'.repeat(32)},lr-0.1,sweep,FINISHED,2026-11-20T08:00:00.000Z,2026-11-20T10:00:00.000Z,2,h100-sxm,8,123.45,USD,catalog,12.5,estimated,4.75,'=cmd|' /C calc'!A0,0.1,,NaN,'-0.5,"vision, cv"`);
    expect(second).toBe(`${'b'.repeat(32)},lr-0.1,sweep,FINISHED,2026-11-20T08:00:00.000Z,2026-11-20T10:00:00.000Z,2,h100-sxm,8,123.45,USD,catalog,12.5,estimated,4.75,,,x,,,`);
  });

  it('reads back what it wrote', () => {
    const { rows, problems, ignoredColumns } = parseRunsCsv(runsToCsv([RUN]));
    expect(problems).toEqual([]);
    expect(ignoredColumns).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        run: {
          id: RUN.id,
          name: 'lr-0.1',
          experiment: 'sweep',
          status: 'FINISHED',
          startTime: Date.parse('2026-11-20T08:00:00.000Z'),
          endTime: Date.parse('2026-11-20T10:00:00.000Z'),
          durationHours: 2,
          hardware: 'h100-sxm',
          devices: 8,
          costCents: 12345,
          currency: 'USD',
          costBasis: 'catalog',
          energyKwh: 12.5,
          energyBasis: 'estimated',
          params: { lr: '0.1', cmd: "=cmd|' /C calc'!A0" },
          metrics: { loss: -0.5, acc: Number.NaN },
          tags: { team: 'vision, cv' },
        },
      },
    ]);
  });

  it('names every bad field of a bad row by line, skips the row, keeps the others', () => {
    const text = [
      'id,experiment,status,start_time,end_time,devices,metric.loss,extra',
      `${'1'.repeat(32)},e,FINISHED,2026-11-20T08:00:00Z,,2,0.5,x`,
      `nope,e,DONE,yesterday,,0,abc,x`,
      `${'2'.repeat(32)},,,,,,,x`,
      `${'1'.repeat(32)},e,,,,,,x`,
      `${'3'.repeat(32)},e,,2026-11-20T10:00:00Z,2026-11-20T09:00:00Z,,,x`,
      `${'4'.repeat(32)},e`,
    ].join('\n');
    const r = parseRunsCsv(text);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.ignoredColumns).toEqual(['extra']);
    expect(r.problems).toEqual([
      { line: 3, field: 'id', reason: '"nope" is not a 32-hex run id' },
      { line: 3, field: 'status', reason: '"DONE" is not one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED' },
      { line: 3, field: 'start_time', reason: '"yesterday" is not a date-time (use ISO 8601 like 2026-11-30T08:00:00Z, or epoch milliseconds)' },
      { line: 3, field: 'devices', reason: '"0" is not a whole number of at least 1' },
      { line: 3, field: 'metric.loss', reason: '"abc" is not a number (NaN, Infinity and -Infinity are allowed)' },
      { line: 4, field: 'experiment', reason: 'missing; every run needs its experiment name' },
      { line: 5, field: 'id', reason: `run ${'1'.repeat(32)} already appears on line 2` },
      { line: 6, field: 'end_time', reason: 'the run ends before it starts' },
      { line: 7, field: '(row)', reason: 'has 2 fields; the header has 8' },
    ]);
  });

  it('refuses a file that is not a runs CSV at all', () => {
    expect(() => parseRunsCsv('')).toThrow(RunsCsvError);
    expect(() => parseRunsCsv('name,status\nx,FINISHED\n')).toThrow('line 1: no "id" column');
    expect(() => parseRunsCsv('id,experiment,id\n')).toThrow('line 1: the column "id" appears twice');
    expect(() => parseRunsCsv('id,experiment\n"unclosed,e\n')).toThrow(RunsCsvError);
  });
});
