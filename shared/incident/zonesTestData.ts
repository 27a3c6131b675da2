import type { ChemicalThreat } from '../plume/threatLevels';

/** Chlorine's AEGL tiers as in resources/standards/threat-levels.json, for unit tests. */
export const chlorine: ChemicalThreat = {
  id: 'chlorine',
  name: { zh: '氯气', en: 'Chlorine' },
  molarMass: 70.9,
  densityRatio: 2.44,
  levelSets: {
    aegl: [
      { name: 'AEGL-3 (60 min)', band: 'red', ppm: 20, source: 'test' },
      { name: 'AEGL-2 (60 min)', band: 'orange', ppm: 2, source: 'test' },
      { name: 'AEGL-1 (60 min)', band: 'yellow', ppm: 0.5, source: 'test' },
    ],
  },
  source: 'test',
};
