import { useEffect } from 'react';

/**
 * Calls `onEscape` when Escape is pressed while the component is mounted (and `active`). Captured
 * and stopped, so that the innermost dialog closes first and nothing under it reacts too.
 */
export function useEscapeKey(onEscape: () => void, active = true): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onEscape();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onEscape, active]);
}
