import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personRoleText } from '../../../../shared/people/registry';
import { useConsole } from '../../app/ConsoleContext';
import { peopleRegistry, usePeopleRegistry, type ZonesView } from '../../people/peopleRegistry';
import { roleCounts } from '../../people/roleCounts';
import { peopleStore, useOccupancy } from '../../stores/peopleStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { useTicker } from '../useTicker';

/** How often the zone list (confined spaces, restricted zones) is read while the panel is open, ms. */
const ZONES_POLL_MS = 5000;

/**
 * People & zones: head count on site, occupancy per area (live, from the positions lane),
 * confined spaces and restricted zones with who counts inside (GET /api/v1/zones, polled while
 * open), and people on site by role.
 */
export function PeoplePanel(): React.JSX.Element {
  const { t } = useTranslation();
  const controller = useConsole();
  const plant = usePlant((s) => s.plant);
  const lang = useUi((s) => s.lang);
  const areas = useOccupancy((s) => s.areas);
  const roads = useOccupancy((s) => s.roads);
  const onSite = useOccupancy((s) => s.onSite);
  usePeopleRegistry((s) => s.version);
  useTicker(1000, true);
  const [zones, setZones] = useState<ZonesView | null | 'unavailable'>(null);

  useEffect(() => {
    const read = controller.source.zones?.bind(controller.source);
    if (!read) return;
    let alive = true;
    const poll = (): void => {
      void read().then((z) => {
        if (alive) setZones(z ?? 'unavailable');
      });
    };
    poll();
    const timer = setInterval(poll, ZONES_POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [controller]);

  const roles = roleCounts(peopleStore, peopleRegistry.getState().byIndex);
  const confined = zones && zones !== 'unavailable' ? zones.zones.filter((z) => z.kind === 'confined') : [];
  const restricted = zones && zones !== 'unavailable' ? zones.zones.filter((z) => z.kind === 'restricted') : [];
  const ageS = peopleStore.frameTime > 0 ? Math.max(0, Math.round((controller.now() - peopleStore.frameTime) / 1000)) : null;
  return (
    <div className="people-panel" data-testid="people-panel">
      <section>
        <h3>{t('people.panel.onSite')}</h3>
        <div className="people-total" data-testid="people-onsite">
          {areas.length === 0 ? '—' : onSite}
        </div>
        <div className="tooltip-meta">{ageS === null ? t('people.panel.noData') : t('people.panel.updated', { s: ageS })}</div>
        <h3 style={{ marginTop: 10 }}>{t('people.panel.byRole')}</h3>
        <table>
          <tbody>
            {roles.map((r) => (
              <tr key={r.role} data-testid={`role-${r.role}`}>
                <td>{r.role === 'unknown' ? '?' : personRoleText[r.role][lang]}</td>
                <td className="num">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>{t('people.panel.occupancy')}</h3>
        <table>
          <thead>
            <tr>
              <th>{t('people.panel.area')}</th>
              <th className="num">{t('people.panel.count')}</th>
            </tr>
          </thead>
          <tbody>
            {plant?.areas.map((a, i) => (
              <tr key={a.id} data-testid={`occ-${a.id}`} data-count={areas[i] ?? ''}>
                <td>{a.name[lang]}</td>
                <td className={`num${(areas[i] ?? 0) === 0 ? ' zero' : ''}`}>{areas[i] ?? '—'}</td>
              </tr>
            ))}
            <tr data-testid="occ-roads" data-count={areas.length ? roads : ''}>
              <td>{t('people.panel.roads')}</td>
              <td className="num">{areas.length ? roads : '—'}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section>
        <h3>{t('people.panel.confined')}</h3>
        {zones === 'unavailable' && <div className="tooltip-meta">{t('people.panel.zonesUnavailable')}</div>}
        {zones && zones !== 'unavailable' && confined.length === 0 && <div className="tooltip-meta">{t('people.panel.noZones')}</div>}
        <ZoneTable zones={confined} lang={lang} testid="confined" />
        {restricted.length > 0 && (
          <>
            <h3 style={{ marginTop: 10 }}>{t('people.panel.restricted')}</h3>
            <ZoneTable zones={restricted} lang={lang} testid="restricted" />
          </>
        )}
      </section>
    </div>
  );
}

function ZoneTable({ zones, lang, testid }: { zones: ZonesView['zones']; lang: 'zh' | 'en'; testid: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (zones.length === 0) return null;
  return (
    <table data-testid={`zones-${testid}`}>
      <thead>
        <tr>
          <th>{t('people.panel.zone')}</th>
          <th className="num">{t('people.panel.inside')}</th>
          <th className="num">{t('people.panel.unauthorised')}</th>
          <th className="num">{t('people.panel.max')}</th>
        </tr>
      </thead>
      <tbody>
        {zones.map((z) => (
          <tr key={z.id} data-testid={`zone-${z.id}`} data-count={z.count}>
            <td>{z.name[lang]}</td>
            <td className={`num${z.count === 0 ? ' zero' : ''}`}>{z.count}</td>
            <td className={`num${z.unauthorised > 0 ? ' unauth' : ' zero'}`}>{z.unauthorised}</td>
            <td className="num">{z.maxOccupants ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
