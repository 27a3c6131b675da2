import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantFileSchemas, plantOptionalFileSchemas } from '../plant/schema';
import { configuredAlarms } from './configured';
import { priorityMix } from './kpi';
import { alarmKinds, priorities } from './model';

/** docs/alarms.md quotes numbers of the reference plant's data; this keeps them in step. */

const root = path.join(__dirname, '..', '..');
const plantDir = path.join(root, 'resources', 'plants', 'reference');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(plantDir, file), 'utf8'));
const doc = readFileSync(path.join(root, 'docs', 'alarms.md'), 'utf8');
const settings = plantOptionalFileSchemas['alarm-settings.json'].parse(read('alarm-settings.json'));
const tags = plantFileSchemas['tags.json'].parse(read('tags.json'));
const interlocks = plantOptionalFileSchemas['interlocks.json'].parse(read('interlocks.json'));

function expectRows(rows: string[]): void {
  const missing = rows.filter((r) => !doc.includes(r));
  expect(missing, `docs/alarms.md should contain these rows:\n${rows.join('\n')}`).toEqual([]);
}

describe('docs/alarms.md', () => {
  it('states the configured priority distribution of the reference plant', () => {
    const list = configuredAlarms(tags, interlocks, settings);
    const rows: string[] = [];
    for (const kind of alarmKinds) {
      const of = list.filter((a) => a.kind === kind);
      rows.push(`| ${kind} | ${priorities.map((p) => of.filter((a) => a.priority === p).length).join(' | ')} | ${of.length} |`);
    }
    const mix = priorityMix(list, settings.kpi.priorityMixTarget);
    rows.push(`| all | ${priorities.map((p) => mix.counts[p]).join(' | ')} | ${list.length} |`);
    rows.push(`| share | ${priorities.map((p) => `${(100 * mix.shares[p]).toFixed(1)} %`).join(' | ')} | 100 % |`);
    expectRows(rows);
  });

  it('lists the measurement settings of the reference plant', () => {
    const rows = Object.entries(settings.measurement).map(
      ([kind, m]) => `| ${kind} | ${m.deadbandPct} | ${m.onDelayS} | ${m.offDelayS} | ${m.rocPctPerMin ?? '–'} |`,
    );
    rows.push(`| (default) | ${settings.defaultMeasurement.deadbandPct} | ${settings.defaultMeasurement.onDelayS} | ${settings.defaultMeasurement.offDelayS} | – |`);
    expectRows(rows);
  });

  it('lists the shelving limits per role', () => {
    expectRows(Object.entries(settings.shelving.byRole).map(([role, p]) => `| ${role} | ${p.maxDurationS / 3600} h | ${p.maxCount} |`));
  });
});
