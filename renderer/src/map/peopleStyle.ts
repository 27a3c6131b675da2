import type { PersonRole } from '../../../shared/people/registry';

/**
 * How a person looks on the map: muted ISA-101 tones by role (people are not alarms, so none of
 * the reserved alarm colours — red, orange, yellow, magenta — and no flashing), and a shape by
 * role through width and height, so that colour is never the only cue. A person in trouble
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
  operator: { color: 0x3e5c7e, height: 2.2, width: 0.8 },
  shift_lead: { color: 0x27406a, height: 2.6, width: 0.9 },
  maintenance: { color: 0x2f6b66, height: 2.2, width: 1.0 },
  contractor: { color: 0x6e5a44, height: 1.9, width: 1.1 },
  visitor: { color: 0x8a94a0, height: 1.6, width: 0.8 },
  hse: { color: 0x4b6b45, height: 2.4, width: 0.9 },
  fire_brigade: { color: 0x5a4c6e, height: 2.4, width: 1.0 },
  security: { color: 0x3f4a57, height: 2.2, width: 0.9 },
  lab: { color: 0x4f7284, height: 2.0, width: 0.8 },
  manager: { color: 0x55606b, height: 2.0, width: 0.8 },
  driver: { color: 0x5f6a58, height: 1.8, width: 1.0 },
};

/** Before the registry says who a person is. */
export const unknownPersonStyle: PersonStyle = { color: 0x5b6066, height: 2.0, width: 0.9 };
/** A badge that went silent: last seen here, shown faded. */
export const signalLostColor = 0xb9bcc0;
