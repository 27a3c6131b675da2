import { useTranslation } from 'react-i18next';
import { useConsole } from '../../app/ConsoleContext';
import { peopleRegistry, usePeopleRegistry } from '../../people/peopleRegistry';
import { peopleUi, usePeopleUi } from '../../people/peopleUi';
import { readPerson } from '../../people/personView';
import { peopleStore } from '../../stores/peopleStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';

/** The selected person, over the map's top left: who, last fix, and the follow toggle. */
export function PersonCard(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const selected = usePeopleUi((s) => s.selected);
  const follow = usePeopleUi((s) => s.follow);
  const lang = useUi((s) => s.lang);
  usePeopleRegistry((s) => s.version);
  useTicker(1000, selected >= 0);
  if (selected < 0) return null;
  const p = readPerson(selected, peopleRegistry.getState(), peopleStore, lang, controller.now());
  const onSite = selected < peopleStore.capacity && peopleStore.present[selected] === 1;
  return (
    <div className="person-card" data-testid="person-card">
      <div className="person-card-head">
        <strong>{p?.name ?? `#${selected}`}</strong> {p && <span className="person-id">{p.id}</span>}
        <button className="person-close" aria-label={t('people.close')} onClick={() => peopleUi.getState().select(-1)}>
          ×
        </button>
      </div>
      {p && (
        <div className="person-card-meta">
          {p.role} · {p.team} · {onSite ? (p.fixAgeS === null ? t('people.never') : t('people.ago', { s: p.fixAgeS })) : t('people.offSite')}
        </div>
      )}
      <label className="person-follow">
        <input type="checkbox" data-testid="person-follow" checked={follow} disabled={!onSite} onChange={(e) => peopleUi.getState().setFollow(e.target.checked)} /> {t('people.follow')}
      </label>
    </div>
  );
}
