import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { peopleRegistry, usePeopleRegistry } from '../../people/peopleRegistry';
import { usePeopleUi } from '../../people/peopleUi';
import { readPerson } from '../../people/personView';
import { peopleStore } from '../../stores/peopleStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';

/** Follows the pointer over a person: name, role, team, qualifications, age of the last fix. */
export function PersonTooltip(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const hover = usePeopleUi((s) => s.hover);
  const lang = useUi((s) => s.lang);
  usePeopleRegistry((s) => s.version);
  useTicker(500, hover !== null);
  if (!hover) return null;
  const p = readPerson(hover.index, peopleRegistry.getState(), peopleStore, lang, controller.now());
  const flipX = hover.x > window.innerWidth - 340;
  const style = { left: flipX ? hover.x - 16 : hover.x + 16, top: hover.y + 16, transform: flipX ? 'translateX(-100%)' : undefined };
  return (
    <div className="tooltip person-tooltip" style={style} data-testid="person-tooltip" role="tooltip">
      {!p ? (
        <div className="tooltip-desc">{t('people.unknown', { index: hover.index })}</div>
      ) : (
        <>
          <div className="tooltip-head">
            <span className="tag-id" data-testid="person-name">{p.name}</span>
            <span className="person-id">{p.id}</span>
          </div>
          <div className="tooltip-desc" data-testid="person-role">
            {p.role} · {p.team}
          </div>
          <div className="tooltip-meta">
            {t('people.qualifications')}: {p.qualifications.length === 0 ? t('people.none') : p.qualifications.map((q) => (q.status === 'valid' ? q.name : `${q.name} (${t(`people.qual.${q.status}`)})`)).join(', ')}
          </div>
          <div className="tooltip-meta">
            {t('people.lastFix')}: {p.fixAgeS === null ? t('people.never') : t('people.ago', { s: p.fixAgeS })}
            {p.floor > 0 && ` · ${t('people.floor', { n: p.floor })}`}
            {p.signalLost && ` · ${t('people.signalLost')}`}
          </div>
        </>
      )}
    </div>
  );
}
