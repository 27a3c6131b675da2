import type { Tag } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import { buildIncidentRules } from '../../server/plant/generate/incidentRules';
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { people } from './hazardFixture';
import { miniPlant } from './harness';

/**
 * Wall-clock time that can be made to run faster for a while (the simulator, alarm delays and
 * plan timers all follow the server's clock). Monotonic across rate changes.
 */
export class ScaledClock implements Clock {
  private base = Date.now();
  private realBase = this.base;
  private rate = 1;
  now(): number {
    return this.base + (Date.now() - this.realBase) * this.rate;
  }
  setRate(rate: number): void {
    this.base = this.now();
    this.realBase = Date.now();
    this.rate = rate;
  }
}

/** Two 2oo3 chlorine detector groups at the mini plant's chlorine buffer V-1 (area A2), south and north of its drain. */
export const CL_GROUPS = { A: 'GRP-V-1-A', B: 'GRP-V-1-B' } as const;

function detector(id: string, group: string, x: number, y: number, template: Tag): Tag {
  return { ...template, id, group, position: [x, y, 0.45], name: { zh: `V-1 氯气检测器 ${id}`, en: `V-1 chlorine detector ${id}` } };
}

/**
 * The mini plant plus six chlorine detectors in two voting groups around V-1, the reference
 * plant's incident rules (built from the mini plant's chemicals), and a small personnel registry
 * (P-001, P-002, P-009). Tags are appended, so existing tag numbers keep their meaning.
 */
export async function incidentPlant(): Promise<LoadedPlant> {
  const mini = await miniPlant();
  const template = mini.plant.tags.find((t) => t.id === 'GT-V-1-01')!;
  const extra = [
    detector('GT-V-1-A1', CL_GROUPS.A, 159, 28.4, template),
    detector('GT-V-1-A2', CL_GROUPS.A, 160.5, 28.4, template),
    detector('GT-V-1-A3', CL_GROUPS.A, 162, 28.4, template),
    detector('GT-V-1-B1', CL_GROUPS.B, 158, 32, template),
    detector('GT-V-1-B2', CL_GROUPS.B, 160, 32, template),
    detector('GT-V-1-B3', CL_GROUPS.B, 162, 32, template),
  ];
  const plant = { ...mini.plant, tags: [...mini.plant.tags, ...extra] };
  return { ...mini, plant: { ...plant, incidentRules: buildIncidentRules(plant) }, people };
}
