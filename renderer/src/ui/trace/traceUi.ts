import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { TraceTarget } from './traceModel';

/**
 * The reconstruction (事故追溯) that is open, if any. Entry points (the incident panel, a near
 * miss's detail) call `openTrace`; nothing else is needed from them.
 */
export const traceUi = createStore<{ target: TraceTarget | null }>()(() => ({ target: null }));

export function openTrace(target: TraceTarget | null): void {
  traceUi.setState({ target });
}

export function useTraceTarget(): TraceTarget | null {
  return useStore(traceUi, (s) => s.target);
}
