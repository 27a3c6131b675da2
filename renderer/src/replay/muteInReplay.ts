import type { Annunciator } from '../alarm/Annunciator';
import { replayStore } from './replayStore';

/**
 * Keeps the horn quiet while the console replays: recorded alarms are not calls to act. The
 * mute the operator had before is restored on the way back to live.
 */
export function muteInReplay(annunciator: Pick<Annunciator, 'state' | 'setMuted'>): () => void {
  let before = false;
  return replayStore.subscribe((s, prev) => {
    if (s.mode === prev.mode) return;
    if (s.mode === 'replay') {
      before = annunciator.state().muted;
      annunciator.setMuted(true);
    } else annunciator.setMuted(before);
  });
}
