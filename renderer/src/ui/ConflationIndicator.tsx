import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { telemetryConflation, type ConflationSnapshot } from '../data/telemetryConflation';
import { useConsole } from '../app/ConsoleContext';
import { ageParts } from './format';
import { useTicker } from './useTicker';

/** Conflation within this long reads as "now" (warning style), ms. */
const RECENT_MS = 10_000;

/**
 * "Values conflated" in the header: shown once this console has lost telemetry to conflation
 * (it did not drain its connection and the server sent latest values instead of every sample,
 * docs/protocol.md §3.4), with how many and how long ago; in warning style while it is recent.
 * Nothing is shown while every sample has arrived. Styled like the data-age note (warning look).
 */
export function ConflationIndicator(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const [snap, setSnap] = useState<ConflationSnapshot>(() => telemetryConflation.get());
  useEffect(() => telemetryConflation.subscribe(setSnap), []);
  useTicker(1000);
  if (snap.samples === 0 && snap.frames === 0) return null;
  const ago = Math.max(0, controller.now() - snap.lastAt);
  const recent = ago < RECENT_MS;
  const parts = ageParts(ago);
  return (
    <span
      className={`data-age conflation${recent ? ' data-age-stale' : ''}`}
      data-testid="conflation"
      data-samples={snap.samples}
      role="status"
      title={t('conflation.explain', { frames: snap.frames })}
    >
      {t('conflation.label', { n: snap.samples.toLocaleString() })} · {t(`age.${parts.key}`, { n: parts.n })}
    </span>
  );
}
