import { LineCounter, parseDocument, isNode } from 'yaml';
import { scenarioSchema, type Scenario } from './scenario';

/** A scenario file that does not parse or does not match the schema; the message names file, line and path. */
export class ScenarioError extends Error {}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * Parses and validates one scenario (docs/drills.md). Every problem is reported as
 * `<file>:<line>:<col>: <path>: <message>` (line of the YAML node the path points at, or of its
 * nearest existing parent), so that a drill coordinator editing a file can find it.
 */
export function parseScenario(yamlText: string, file = '<scenario>'): ScenarioResult {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return `${file}`;
    const p = lines.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  if (doc.errors.length > 0) return { ok: false, errors: doc.errors.slice(0, 10).map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`) };
  const parsed = scenarioSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const errors = parsed.error.issues.slice(0, 10).map((issue) => {
    // Walk up the path until a node exists (a missing key points at its parent mapping).
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    let offset: number | undefined;
    for (let n = path.length; n >= 0 && offset === undefined; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) offset = node.range[0];
    }
    return `${at(offset)}: ${path.length ? path.join('.') : '(root)'}: ${issue.message}`;
  });
  if (parsed.error.issues.length > 10) errors.push(`${file}: …and ${parsed.error.issues.length - 10} more`);
  return { ok: false, errors };
}

/** Like parseScenario, but throws a ScenarioError with every problem on its own line. */
export function loadScenario(yamlText: string, file = '<scenario>'): Scenario {
  const r = parseScenario(yamlText, file);
  if (!r.ok) throw new ScenarioError(r.errors.join('\n'));
  return r.scenario;
}

/**
 * Checks a valid scenario against the plant it runs on: ids it names must exist. Returns
 * problems as `<file>: <path>: <message>` (empty when it fits).
 */
export function checkScenarioAgainstPlant(
  s: Scenario,
  plant: { id: string; equipment: ReadonlySet<string>; tags: ReadonlySet<string>; chemicals: ReadonlySet<string>; people: ReadonlySet<string>; robots: ReadonlySet<string>; areas: ReadonlySet<string>; planSteps: ReadonlySet<string> | null },
  file = '<scenario>',
): string[] {
  const out: string[] = [];
  const bad = (path: string, msg: string): void => void out.push(`${file}: ${path}: ${msg}`);
  if (s.plant !== plant.id) bad('plant', `written for plant "${s.plant}", this server runs "${plant.id}"`);
  const ids = new Set<string>();
  s.timeline.forEach((step, i) => {
    const a = step.action;
    const p = `timeline.${i}.action`;
    if (a.do === 'inject') {
      if (a.id !== undefined) ids.add(a.id);
      const inj = a.injection;
      if ((inj.kind === 'overpressure' || inj.kind === 'hot_spot') && !plant.equipment.has(inj.equipment)) bad(`${p}.injection.equipment`, `unknown equipment "${inj.equipment}"`);
      if (inj.kind === 'detector_failure' && !plant.tags.has(inj.tag)) bad(`${p}.injection.tag`, `unknown tag "${inj.tag}"`);
      if (inj.kind === 'gas_release' && !plant.chemicals.has(inj.chemical)) bad(`${p}.injection.chemical`, `unknown chemical "${inj.chemical}"`);
      if ((inj.kind === 'person_down' || inj.kind === 'person_move') && !plant.people.has(inj.person)) bad(`${p}.injection.person`, `unknown person "${inj.person}"`);
      if (inj.kind === 'robot_fault' && !plant.robots.has(inj.robot)) bad(`${p}.injection.robot`, `unknown robot "${inj.robot}"`);
      if (inj.kind === 'io_outage' && inj.areas !== '*') for (const ar of inj.areas) if (!plant.areas.has(ar)) bad(`${p}.injection.areas`, `unknown area "${ar}"`);
    }
    if (a.do === 'clear' && a.id !== undefined && !ids.has(a.id)) bad(`${p}.id`, `clears "${a.id}", which no earlier step injects`);
    if (i > 0 && step.atS < s.timeline[i - 1]!.atS) bad(`timeline.${i}.atS`, 'steps must be in time order');
    if (step.atS > s.durationS) bad(`timeline.${i}.atS`, `after the drill ends (${s.durationS} s)`);
  });
  s.expect.forEach((e, i) => {
    if ('planStep' in e && plant.planSteps && !plant.planSteps.has(e.planStep)) bad(`expect.${i}.planStep`, `the ${s.incidentType} plan has no step "${e.planStep}"`);
  });
  return out;
}
