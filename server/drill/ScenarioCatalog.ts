import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkScenarioAgainstPlant, parseScenario } from '../../shared/drill/loadScenario';
import type { Scenario } from '../../shared/drill/scenario';
import type { EmergencyPlan } from '../../shared/incident/plan';
import { planFor } from '../../shared/incident/planChecklist';
import type { Plant } from '../../shared/plant/schema';

/** One scenario file as GET /api/v1/scenarios lists it: valid for this plant or not, with the reasons. */
export interface ScenarioEntry {
  file: string;
  id: string;
  /** Valid and written for this plant: drill.start accepts it. */
  runnable: boolean;
  errors: string[];
  scenario: Scenario | null;
}

/** What a scenario's ids are checked against. */
export interface PlantIds {
  plant: Plant;
  people: readonly string[];
  robots: readonly string[];
  plans: readonly EmergencyPlan[];
}

/**
 * The scenario files of a folder (resources/scenarios by default), parsed and checked once at
 * start: schema errors name file, line and path; ids the plant does not have are errors too.
 * Files for another plant are listed but not runnable.
 */
export class ScenarioCatalog {
  readonly entries: ScenarioEntry[];

  constructor(dir: string, ids: PlantIds) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
    } catch {
      files = [];
    }
    const sets = {
      id: ids.plant.meta.id,
      equipment: new Set(ids.plant.equipment.map((e) => e.id)),
      tags: new Set(ids.plant.tags.map((t) => t.id)),
      chemicals: new Set(ids.plant.chemicals.map((c) => c.id)),
      people: new Set(ids.people),
      robots: new Set(ids.robots),
      areas: new Set(ids.plant.areas.map((a) => a.id)),
    };
    this.entries = files.map((f) => {
      const file = path.join(dir, f);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        return { file: f, id: f.replace(/\.ya?ml$/i, ''), runnable: false, errors: [`${f}: ${err instanceof Error ? err.message : String(err)}`], scenario: null };
      }
      const r = parseScenario(text, f);
      if (!r.ok) return { file: f, id: f.replace(/\.ya?ml$/i, ''), runnable: false, errors: r.errors, scenario: null };
      const plan = planFor(ids.plans, r.scenario.incidentType);
      const errors = checkScenarioAgainstPlant(r.scenario, { ...sets, planSteps: plan ? new Set(plan.steps.map((s) => s.id)) : null }, f);
      return { file: f, id: r.scenario.id, runnable: errors.length === 0, errors, scenario: r.scenario };
    });
    for (const e of this.entries) if (e.errors.length > 0 && e.scenario?.plant !== undefined && e.scenario.plant === ids.plant.meta.id) console.warn(`scenario ${e.file} is not runnable:\n  ${e.errors.join('\n  ')}`);
  }

  get(id: string): ScenarioEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }
}
