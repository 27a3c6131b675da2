import type { AlarmSettings } from '../../shared/plant/alarmConfig';

/**
 * Alarm settings for a plant folder without `alarm-settings.json` (test fixtures, plants being
 * built up). The numbers are the commonly quoted starting values of DOMAIN.md §1; a real plant
 * carries its own file, whose values win. Frozen: callers never change them in place.
 */
export const defaultAlarmSettings: AlarmSettings = Object.freeze({
  measurement: {
    flow: { deadbandPct: 5, onDelayS: 15, offDelayS: 15, source: 'ISA-TR18.2.3 / EEMUA 191 starting values: flow 5 %, 15 s (DOMAIN.md §1 ⚠)' },
    level: { deadbandPct: 5, onDelayS: 60, offDelayS: 60, source: 'ISA-TR18.2.3 / EEMUA 191 starting values: level 5 %, 60 s (DOMAIN.md §1 ⚠)' },
    pressure: { deadbandPct: 2, onDelayS: 15, offDelayS: 15, source: 'ISA-TR18.2.3 / EEMUA 191 starting values: pressure 2 %, 15 s (DOMAIN.md §1 ⚠)' },
    temperature: { deadbandPct: 1, onDelayS: 60, offDelayS: 60, source: 'ISA-TR18.2.3 / EEMUA 191 starting values: temperature 1 %, 60 s (DOMAIN.md §1 ⚠)' },
    gas_combustible: { deadbandPct: 2, onDelayS: 3, offDelayS: 10, source: 'design default: detectors alarm within seconds (GB/T 50493-2019 response time), short on-delay against spikes' },
    gas_toxic: { deadbandPct: 2, onDelayS: 3, offDelayS: 10, source: 'design default: detectors alarm within seconds (GB/T 50493-2019 response time), short on-delay against spikes' },
  },
  defaultMeasurement: { deadbandPct: 2, onDelayS: 10, offDelayS: 10, source: 'design default for measurements without their own row' },
  priorities: {
    default: { HH: 2, LL: 2, H: 3, L: 3, ROC: 3, BAD: 4, CONFIRMED: 1, TRIP: 1 },
    byKind: {
      gas_combustible: { HH: 1, H: 2 },
      gas_toxic: { HH: 1, H: 2 },
    },
    source: 'design default by consequence and time to respond (ISA-18.2 §10): 1 act now (gas second level, confirmed release, trip), 2 within minutes, 3 process H/L, 4 diagnostics',
  },
  latching: ['CONFIRMED', 'TRIP'],
  staleAfterPeriods: 5,
  voting: { m: 2, n: 3, source: 'design default: 2-out-of-3 detector voting confirms a release' },
  shelving: {
    byRole: {
      operator: { maxDurationS: 8 * 3600, maxCount: 10 },
      shift_lead: { maxDurationS: 24 * 3600, maxCount: 50 },
      commander: { maxDurationS: 24 * 3600, maxCount: 50 },
      admin: { maxDurationS: 7 * 86_400, maxCount: 1000 },
    },
    source: 'design default: an operator shelves for at most one shift; ISA-18.2 requires a limit per role',
  },
  kpi: {
    floodWindowS: 600,
    floodEnter: 10,
    floodExit: 5,
    chatterWindowS: 60,
    chatterCycles: 3,
    staleHours: 24,
    source: 'ISA-18.2-2016 / EEMUA 191: flood > 10 per 10 min, ends below 5; chattering ≥ 3 cycles in 1 min; stale ≥ 24 h (DOMAIN.md §1)',
  },
}) as AlarmSettings;
