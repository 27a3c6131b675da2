/**
 * What the geofence engine reports: alarm conditions that started or ended, and zone entries
 * and exits. Conditions are rare next to fixes, so each is one small object; a fix that changes
 * nothing allocates nothing.
 */

/** Alarm kinds raised about one person (alarm source = the person's id). */
export type PersonAlarmKind = 'MAN_DOWN' | 'RESTRICTED' | 'LONE_WORKER' | 'SIGNAL_LOST' | 'LOW_BATTERY';
/** Alarm kinds raised about a place: an area (CROWDING) or a confined space (CONFINED). */
export type PlaceAlarmKind = 'CROWDING' | 'CONFINED';

export type GeoChange =
  | {
      type: 'person';
      kind: PersonAlarmKind;
      /** Person index (registry order). */
      person: number;
      active: boolean;
      /** Fix time (or sweep time for SIGNAL_LOST and LONE_WORKER), epoch ms. */
      time: number;
      /**
       * MAN_DOWN: seconds without movement (0 for SOS); RESTRICTED: the zone index;
       * LONE_WORKER: seconds alone; SIGNAL_LOST: seconds since the last fix; LOW_BATTERY: %.
       */
      value: number;
      /** MAN_DOWN: the badge's SOS button rather than stillness. */
      sos?: boolean;
    }
  | {
      type: 'place';
      kind: PlaceAlarmKind;
      /** Area index (CROWDING) or zone index (CONFINED). */
      index: number;
      active: boolean;
      time: number;
      /** CROWDING: people in the largest group; CONFINED: people inside. */
      value: number;
      /** Where: the centre of the largest group, or the zone's centre. */
      x: number;
      y: number;
      /** CONFINED: how many inside are not authorised. */
      unauthorised?: number;
    }
  | {
      type: 'zone';
      zone: number;
      person: number;
      entered: boolean;
      time: number;
      authorised: boolean;
    };

/** Person state bits, as `GeofenceEngine.flags` holds them and positions frames carry them. */
export const PersonFlag = {
  Sos: 1,
  ManDown: 2,
  SignalLost: 4,
  LowBattery: 8,
  Restricted: 16,
  InConfined: 32,
  OffSite: 64,
  Alone: 128,
} as const;
