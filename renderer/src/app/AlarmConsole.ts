import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { Annunciator, type AnnunciationState, type TonePlayer } from '../alarm/Annunciator';
import { CommandRunner, consoleCommand, type CommandOutcome } from '../commands/commandRegistry';
import type { DataSource } from '../data/DataSource';
import { alarmStore, followCommandState, type SummaryScheduler } from '../stores/alarmStore';
import { noticeStore } from '../stores/noticeStore';
import { uiStore } from '../stores/uiStore';

/** The annunciator's state for the UI (banner sound control) and diagnostics. */
export const annunciationStore = createStore<{ state: AnnunciationState }>()(() => ({
  state: { sounding: null, pending: null, silenced: false, muted: false, audio: 'suspended' },
}));

export function useAnnunciation(): AnnunciationState {
  return useStore(annunciationStore, (s) => s.state);
}

/** What a refusal is called: the console's own (offline, role) or the server's, whose words follow. */
function refusalKey(o: Extract<CommandOutcome, { ok: false }>): string {
  if (o.code === 'offline') return 'cmd.refusedOffline';
  if (o.code === 'timeout') return 'cmd.timeout';
  if (o.code === 'forbidden' && o.local) return 'cmd.refusedForbidden';
  return 'cmd.refused';
}

/**
 * The console's alarm machinery outside React: derives the alarm summary from command state,
 * drives the annunciator from it, and runs operator commands through the registry against the
 * data source, telling the user how each came out.
 */
export class AlarmConsole {
  readonly commands: CommandRunner;
  readonly annunciator: Annunciator;
  private scheduler: SummaryScheduler | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(source: DataSource, player: TonePlayer) {
    this.commands = new CommandRunner({
      send: (name, payload) => source.command(name, payload),
      online: () => uiStore.getState().presence === 'live' && source.capabilities.commands,
      role: () => uiStore.getState().user?.role ?? null,
      onOutcome: (name, payload, outcome) => this.tell(name, payload, outcome),
    });
    this.annunciator = new Annunciator(player, (state) => annunciationStore.setState({ state }));
    annunciationStore.setState({ state: this.annunciator.state() });
  }

  start(): void {
    this.scheduler = followCommandState();
    const feed = (): void => {
      const s = alarmStore.getState().summary;
      this.annunciator.update(s.rows, s.attentionPriority);
    };
    let last = alarmStore.getState().summary;
    this.unsubscribe = alarmStore.subscribe((st) => {
      if (st.summary === last) return;
      last = st.summary;
      feed();
    });
    feed();
  }

  stop(): void {
    this.scheduler?.stop();
    this.unsubscribe?.();
    this.annunciator.dispose();
  }

  private tell(name: Parameters<typeof consoleCommand>[0], payload: unknown, outcome: CommandOutcome): void {
    const cmd = consoleCommand(name);
    const what = cmd ? cmd.describe(payload as never) : { key: 'cmd.generic', values: { name } };
    if (outcome.ok) noticeStore.getState().push({ kind: 'ok', key: what.key, values: what.values });
    else noticeStore.getState().push({ kind: 'error', key: refusalKey(outcome), values: what.values, action: cmd?.label ?? 'cmd.generic', detail: outcome.message });
  }
}
