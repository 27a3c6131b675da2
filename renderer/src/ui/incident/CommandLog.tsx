import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencies, icsRoles, type Agency, type IcsRole, type IncidentRecord } from '../../../../shared/incident/model';
import { useAlarmConsole } from '../../app/AlarmContext';
import { logLines } from '../../incident/incidentLog';
import { clockTime } from '../../incident/incidentTime';
import { firstReportView } from '../../incident/incidentView';
import { useCommandState } from '../../stores/commandStore';
import { useCommandBlock, usePersonLookup } from './incidentBits';

/**
 * The command post's record: ICS roles assigned to registry people, notifications to external
 * agencies against the one-hour first report, and the significant-events log (everything
 * journaled about the incident, with actor and time) with a box for the commander's decisions.
 */
export function CommandLog({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="incident-col" data-testid="command-log">
      <h3>{t('incident.ics')}</h3>
      <div className="ics-roles">
        {icsRoles.map((r) => (
          <RoleRow key={r} inc={inc} role={r} />
        ))}
      </div>
      <Agencies inc={inc} now={now} lang={lang} />
      <EventsLog inc={inc} lang={lang} />
    </section>
  );
}

function RoleRow({ inc, role }: { inc: IncidentRecord; role: IcsRole }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock('incident.assignRole');
  const { byId, lookup } = usePersonLookup();
  const current = inc.ics[role] ?? null;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const options = Array.from(byId.values()).slice(0, 2000);
  const pick = (): void => {
    const id = text.includes(' · ') ? text.split(' · ').pop()! : text.trim();
    if (!byId.has(id)) return;
    void ac.commands.run('incident.assignRole', { incidentId: inc.id, role, person: id }).then((o) => o.ok && setEditing(false));
  };
  return (
    <div className="ics-row" data-testid={`ics-${role}`}>
      <span className="ics-role">{t(`incident.role.${role}`)}</span>
      {!editing ? (
        <>
          <span className={current ? '' : 'dim'}>{current ? `${lookup(current).name} (${current})` : t('incident.unassigned')}</span>
          <button className="link" disabled={!!block || inc.state === 'closed'} title={block ?? ''} data-testid={`ics-edit-${role}`} onClick={() => setEditing(true)}>
            {t('incident.assign')}
          </button>
        </>
      ) : (
        <>
          <input list={`people-${role}`} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('incident.personHint')} data-testid={`ics-input-${role}`} autoFocus />
          <datalist id={`people-${role}`}>
            {options.map((p) => (
              <option key={p.id} value={`${p.name.zh} ${p.name.en} · ${p.id}`} />
            ))}
          </datalist>
          <button data-testid={`ics-save-${role}`} onClick={pick}>
            {t('incident.assign')}
          </button>
          <button className="link" onClick={() => setEditing(false)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}

function Agencies({ inc, now, lang }: { inc: IncidentRecord; now: number; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock('incident.notifyAgency');
  const [agency, setAgency] = useState<Agency>('emergency_management');
  const [channel, setChannel] = useState('');
  const fr = firstReportView(inc, now);
  const send = (): void =>
    void ac.commands.run('incident.notifyAgency', { incidentId: inc.id, agency, channel: channel.trim() || t('incident.phone') }).then((o) => o.ok && setChannel(''));
  return (
    <>
      <h3>
        {t('incident.agencies')}
        <span className={`col-count${fr.late ? ' late' : ''}`} data-testid="agency-countdown">
          {fr.at ? t('incident.firstReportMade', { time: clockTime(fr.at, lang) }) : t('incident.firstReportDue', { t: fr.countdown!.text })}
        </span>
      </h3>
      <ul className="agency-list">
        {inc.agencies.map((a, i) => (
          <li key={i}>
            {clockTime(a.at, lang)} <b>{t(`incident.agency.${a.agency}`)}</b> · {a.channel} <span className="dim">{a.by}</span>
          </li>
        ))}
      </ul>
      <div className="agency-form">
        <select value={agency} onChange={(e) => setAgency(e.target.value as Agency)} data-testid="agency-select">
          {agencies.map((a) => (
            <option key={a} value={a}>
              {t(`incident.agency.${a}`)}
            </option>
          ))}
        </select>
        <input value={channel} onChange={(e) => setChannel(e.target.value)} placeholder={t('incident.channelHint')} maxLength={60} />
        <button data-testid="agency-notify" disabled={!!block || inc.state === 'closed'} title={block ?? ''} onClick={send}>
          {t('incident.cmd.notifyAgency')}
        </button>
      </div>
    </>
  );
}

function EventsLog({ inc, lang }: { inc: IncidentRecord; lang: 'zh' | 'en' }): React.JSX.Element {
  const { t } = useTranslation();
  const ac = useAlarmConsole();
  const block = useCommandBlock('incident.log');
  const entries = useCommandState((s) => s.emergency?.logs[inc.id]);
  const [note, setNote] = useState('');
  const lines = logLines(entries);
  const save = (): void => void ac.commands.run('incident.log', { incidentId: inc.id, note: note.trim() }).then((o) => o.ok && setNote(''));
  return (
    <>
      <h3>{t('incident.log.title')}</h3>
      <div className="log-form">
        <input value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && note.trim() && save()} placeholder={t('incident.logHint')} maxLength={2000} data-testid="log-note" />
        <button disabled={!!block || !note.trim() || inc.state === 'closed'} title={block ?? ''} onClick={save} data-testid="log-save">
          {t('incident.cmd.log')}
        </button>
      </div>
      <ol className="events-log" data-testid="events-log">
        {lines.map((l) => (
          <li key={l.id} className={`${l.decision ? 'decision' : ''}${l.attention ? ' attention' : ''}`} data-action={l.key}>
            <span className="mono dim">{clockTime(l.time, lang)}</span> <span className="actor">{l.system ? t('incident.bySystem') : l.actor}</span> {t(l.key, { ...l.values, defaultValue: l.key.split('.').pop() })}
            {l.note && <span className="log-note"> — {l.note}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
