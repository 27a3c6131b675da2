import type { PersonRole } from '../../../shared/people/registry';

/**
 * How a person looks on the map: muted ISA-101 tones by role (people are not alarms, so none of
 * the reserved alarm colours — red, orange, yellow, magenta — and no flashing), and a shape by
 * role through width and height, so that colour is never the only cue. Lighter and bluer than
 * the dark-grey sensor diamonds, and taller (a standing capsule), so people read apart from them. A person in trouble
 * (man down, SOS) is shown by the alarm system's own marker at their position.
 */
export interface PersonStyle {
  /** sRGB hex. */
  color: number;
  /** Height in base marker sizes. */
  height: number;
  /** Width in base marker sizes. */
  width: number;
}

export const personStyles: Readonly<Record<PersonRole, PersonStyle>> = {
  operator: { color: 0x5b82ad, height: 3.6, width: 1.3 },
  shift_lead: { color: 0x3f6399, height: 4.2, width: 1.4 },
  maintenance: { color: 0x4f918a, height: 3.6, width: 1.6 },
  contractor: { color: 0x9c7f5e, height: 3.2, width: 1.8 },
  visitor: { color: 0xb9c0c8, height: 2.8, width: 1.3 },
  hse: { color: 0x6f9866, height: 4.0, width: 1.4 },
  fire_brigade: { color: 0x806e9c, height: 4.0, width: 1.6 },
  security: { color: 0x64778c, height: 3.6, width: 1.4 },
  lab: { color: 0x6f9aad, height: 3.4, width: 1.3 },
  manager: { color: 0x8a95a1, height: 3.4, width: 1.3 },
  driver: { color: 0x8a967c, height: 3.0, width: 1.6 },
};

/** Before the registry says who a person is. */
export const unknownPersonStyle: PersonStyle = { color: 0x7d858e, height: 3.2, width: 1.4 };
/** A badge that went silent: last seen here, shown faded. */
export const signalLostColor = 0xb9bcc0;
