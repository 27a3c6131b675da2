import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseLevel } from '../../../../shared/incident/model';
import type { CommandName } from '../../../../shared/protocol/commands';
import { useAlarmConsole } from '../../app/AlarmContext';
import type { CommandPayload } from '../../commands/commandRegistry';
import { levelLook } from '../../incident/incidentView';
import { usePeopleRegistry, type PeopleEntry } from '../../people/peopleRegistry';
import { peopleStore } from '../../stores/peopleStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { Dialog } from '../alarm/Dialog';

/** The response level as a colour chip with its Roman numeral (I red … IV blue). */
export function LevelChip({ level, big = false }: { level: ResponseLevel; big?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const l = levelLook(level);
  return (
    <span className={`level-chip${big ? ' big' : ''}`} style={{ background: l.bg, color: l.fg }} data-testid="level-chip" data-level={level} title={t(`incident.levelName.${level}`)}>
      {level}
      {big && <small>{t(`incident.levelName.${level}`)}</small>}
    </span>
  );
}

export function BandDot({ band }: { band: 'red' | 'orange' | 'yellow' }): React.JSX.Element {
  const { t } = useTranslation();
  return <span className={`band-dot band-${band}`} title={t(`incident.band.${band}`)} />;
}

/** Where a person is now in the live people table (positions frames), or null when not on site. */
export interface LiveFix {
  position: [number, number, number];
  at: number;
}

/** Who a registry person is and where they are now (area name and last fix from the people table). */
export function usePersonLookup(): { byId: ReadonlyMap<string, PeopleEntry & { index: number }>; lookup: (id: string) => { name: string; area: string; live: LiveFix | null } } {
  const byIndex = usePeopleRegistry((s) => s.byIndex);
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  const byId = useMemo(() => {
    const m = new Map<string, PeopleEntry & { index: number }>();
    byIndex.forEach((p, i) => p && m.set(p.id, { ...p, index: i }));
    return m;
  }, [byIndex]);
  const lookup = (id: string): { name: string; area: string; live: LiveFix | null } => {
    const p = byId.get(id);
    let area = '';
    let live: LiveFix | null = null;
    if (p && plant && peopleStore.present[p.index]) {
      const i = p.index;
      const slot = peopleStore.area[i]!;
      area = plant.areas[slot]?.name[lang] ?? (slot === plant.areas.length ? (lang === 'zh' ? '道路' : 'roads') : '');
      const at = peopleStore.fixTime[i]!;
      if (Number.isFinite(at)) live = { position: [peopleStore.x[i]!, peopleStore.y[i]!, peopleStore.z[i]!], at };
    }
    return { name: p ? p.name[lang] : id, area, live };
  };
  return { byId, lookup };
}

/** Why a command cannot run now (offline, role, signed out), or null when it can. */
export function useCommandBlock(name: CommandName): string | null {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  useUi((s) => s.presence);
  useUi((s) => s.user);
  const a = ac.commands.availability(name);
  return a.ok ? null : t(`cmdAvail.${a.reason}`);
}

/**
 * A command button that asks first: a dialog naming what will happen, with an optional note
 * (required when `noteMin` > 0), sent through the command registry; the server's refusal shows
 * in the dialog. Disabled with the reason when the command cannot run.
 */
export function ConfirmCommand<N extends CommandName>({
  name,
  payload,
  label,
  title,
  body,
  noteKey,
  noteMin = 0,
  testId,
  className,
  disabled,
  children,
}: {
  name: N;
  payload: (note: string) => CommandPayload<N>;
  label: string;
  title: string;
  body?: React.ReactNode;
  /** Payload field the note goes into is decided by `payload`; this only labels the box. */
  noteKey?: string;
  noteMin?: number;
  testId: string;
  className?: string;
  disabled?: boolean;
  children?: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock(name);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const out = await ac.commands.run(name, payload(note.trim()));
    setBusy(false);
    if (out.ok) {
      setOpen(false);
      setNote('');
    } else setError(out.message);
  };
  return (
    <>
      <button className={className} data-testid={testId} disabled={!!block || disabled} title={block ?? title} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <Dialog title={title} onClose={() => setOpen(false)} testId={`${testId}-dialog`}>
          {body}
          {children}
          {noteKey && (
            <label>
              {t(noteKey)}
              <textarea data-testid={`${testId}-note`} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} autoFocus />
            </label>
          )}
          {error && <div className="dialog-error">{t('cmd.serverSaid', { message: error })}</div>}
          <div className="dialog-buttons">
            <button onClick={() => setOpen(false)}>{t('dialog.cancel')}</button>
            <button className="primary" data-testid={`${testId}-confirm`} disabled={busy || note.trim().length < noteMin} onClick={() => void submit()}>
              {label}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
