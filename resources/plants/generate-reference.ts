/**
 * Generates resources/plants/reference/ from resources/standards/*.json.
 *   npx tsx resources/plants/generate-reference.ts [outDir]
 * Deterministic: the committed files are exactly what this writes (a test checks it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plantSchema } from '../../shared/plant/schema';
import { crossCheckPlant } from '../../shared/plant/crossCheck';
import { describeIssues, zodIssues } from '../../shared/plant/issues';
import { buildReferencePlant } from '../../server/plant/generate/referencePlant';
import { loadStandards } from '../../server/plant/generate/standards';
import { writePlantFiles } from '../../server/plant/generate/writePlantFiles';
import { buildPeopleRegistry, peopleFileText } from '../../server/plant/generate/people';
import { checkPeopleFile } from '../../shared/people/checkPeopleFile';
import { peopleFileSchema } from '../../shared/people/registry';
import { writeFileSync } from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, 'reference'));
const plant = buildReferencePlant(loadStandards(path.join(here, '..', 'standards')));
const parsed = plantSchema.safeParse(plant);
const issues = parsed.success ? crossCheckPlant(plant) : zodIssues('plant', parsed.error);
if (issues.length > 0) {
  console.error(describeIssues(issues));
  process.exit(1);
}
writePlantFiles(outDir, plant);
// The personnel registry seed sits beside the plant files but is not part of the plant model (docs/people.md).
const people = buildPeopleRegistry(plant);
const peopleParsed = peopleFileSchema.safeParse(people);
const peopleIssues = peopleParsed.success ? checkPeopleFile(plant, people) : zodIssues('people.json', peopleParsed.error);
if (peopleIssues.length > 0) {
  console.error(describeIssues(peopleIssues));
  process.exit(1);
}
writeFileSync(path.join(outDir, 'people.json'), peopleFileText(people));
console.log(`wrote ${outDir}: ${plant.areas.length} areas, ${plant.equipment.length} equipment, ${plant.tags.length} tags, ${people.people.length} people`);
