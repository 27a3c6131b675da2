import type { TFunction } from 'i18next';
import type { Marker } from '../../replay/markers';

/** "who did what" for a marker, in the console's language. */
export function markerText(t: TFunction, m: Marker): string {
  const what = t(`replay.what.${m.what.key}`, m.what.values);
  return m.actor && m.actor !== 'system' ? `${m.actor}: ${what}` : what;
}
