import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { initialState, type CommandState } from '../../../shared/state/reducer';

/**
 * The console's mirror of command state, as the data source reduced it from the server's
 * journal (snapshot + events through the shared reducer).
 */
export interface CommandStoreState {
  state: CommandState;
  setState(state: CommandState): void;
}

export const commandStore = createStore<CommandStoreState>()((set) => ({
  state: initialState(),
  setState: (state) => set({ state }),
}));

export function useCommandState<T>(selector: (s: CommandState) => T): T {
  return useStore(commandStore, (s) => selector(s.state));
}
