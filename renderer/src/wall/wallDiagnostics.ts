import type { CommandName } from '../../../shared/protocol/commands';
import type { CommandOutcome } from '../data/DataSource';
import type { WallMode } from './wallMode';

/** `window.__vigilWall` (read-only): what the wall is and a way for tests to prove it sends nothing. */
export interface WallDiagnostics {
  readonly readOnly: true;
  readonly view: WallMode['view'];
  /** Runs a command through the console's own command path, as a button would; a wall refuses it locally. */
  tryCommand(name: CommandName, payload: unknown): Promise<CommandOutcome>;
}

declare global {
  interface Window {
    __vigilWall?: WallDiagnostics;
  }
}

export function installWallDiagnostics(mode: WallMode, run: (name: CommandName, payload: unknown) => Promise<CommandOutcome>): void {
  const diag: WallDiagnostics = { readOnly: true, view: mode.view, tryCommand: (name, payload) => run(name, payload) };
  Object.defineProperty(window, '__vigilWall', { value: Object.freeze(diag), configurable: false, writable: false });
}
