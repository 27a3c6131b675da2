import { describe, expect, it } from 'vitest';
import { csvRecords, CsvError, parseCsv } from './csv';
import { importCsv, importJson, type ImportContext } from './importRecords';

const ctx: ImportContext = {
  teams: new Set(['OPS-A']),
  qualificationTypes: new Set(['SOC-ELEC', 'TR-BATCH']),
  areas: new Set(['RX']),
  people: new Map([['P-1', { id: 'P-1', badge: 'B-1' }]]),
};

describe('CSV reading', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM, blank lines, and keeps each row\'s file line', () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",2\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', '2'] },
    ]);
    expect(csvRecords(rows).records[1]).toEqual({ line: 4, values: { a: 'multi\nline', b: '2' } });
  });

  it('refuses an unclosed quote and a quote in the middle of a field, naming the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    expect(() => parseCsv('a\nab"c')).toThrow(/line 2/);
  });
});

describe('registry import', () => {
  it('accepts a good qualifications CSV (empty expires = never, passed words in both languages)', () => {
    const r = importCsv('person,type,issued,expires,score,passed\nP-1,SOC-ELEC,2024-01-01,2030-01-01,,\nP-1,TR-BATCH,2025-06-01,,52,未通过\n', 'qualifications', ctx);
    expect(r.issues).toEqual([]);
    expect(r.qualifications).toEqual([
      { person: 'P-1', type: 'SOC-ELEC', issued: '2024-01-01', expires: '2030-01-01', passed: true },
      { person: 'P-1', type: 'TR-BATCH', issued: '2025-06-01', expires: null, score: 52, passed: false },
    ]);
  });

  it('reports every bad row by its file line and column', () => {
    const csv = ['person,type,issued,expires,score', 'P-1,SOC-ELEC,2024-01-01,2030-01-01,', 'P-9,SOC-ELEC,2024-01-01,,', 'P-1,NOPE,2024-02-30,,abc', 'P-1,TR-BATCH,2025-01-01,2024-01-01,'].join('\n');
    const r = importCsv(csv, 'qualifications', ctx);
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { list: 'qualifications', row: 3, field: 'person', message: 'unknown person "P-9"' },
        expect.objectContaining({ row: 4, field: 'issued' }),
        expect.objectContaining({ row: 4, field: 'score' }),
        expect.objectContaining({ row: 5, field: 'expires', message: 'expires must not be before issued' }),
      ]),
    );
    expect(r.issues.some((i) => i.row === 2)).toBe(false);
  });

  it('refuses unknown columns and an empty file as a whole', () => {
    expect(importCsv('person,type,colour\n', 'qualifications', ctx).issues[0]).toMatchObject({ row: 1, field: '(header)' });
    expect(importCsv('', 'people', ctx).issues[0]).toMatchObject({ row: 1, field: '(header)' });
  });

  it('checks people: unknown team and area, a badge taken by someone else, an id twice', () => {
    const csv = ['id,name_zh,name_en,role,team,badge,areas', 'P-2,张三,Zhang San,operator,OPS-A,B-2,RX', 'P-3,李四,Li Si,operator,OPS-Z,B-1,RX;XX', 'P-2,王五,Wang Wu,cook,OPS-A,B-5,'].join('\n');
    const r = importCsv(csv, 'people', ctx);
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { list: 'people', row: 3, field: 'team', message: 'unknown team "OPS-Z"' },
        { list: 'people', row: 3, field: 'areas', message: 'unknown area "XX"' },
        { list: 'people', row: 3, field: 'badge', message: 'badge "B-1" already belongs to P-1' },
        expect.objectContaining({ row: 4, field: 'role' }),
      ]),
    );
    expect(r.people.map((p) => p.id)).toEqual(['P-2', 'P-3']);
  });

  it('lets a person imported in the same JSON payload hold qualifications, and names JSON rows from 1', () => {
    const r = importJson(
      [{ id: 'P-7', name: { zh: '赵六', en: 'Zhao Liu' }, role: 'contractor', team: 'OPS-A', badge: 'B-7', employer: 'X' }],
      [{ person: 'P-7', type: 'SOC-ELEC', issued: '2024-01-01', expires: null }, { person: 'P-7', type: 'SOC-ELEC', issued: 'yesterday', expires: null }],
      ctx,
    );
    expect(r.issues).toEqual([expect.objectContaining({ list: 'qualifications', row: 2, field: 'issued' })]);
    expect(r.people[0]!.areas).toEqual([]);
  });
});
