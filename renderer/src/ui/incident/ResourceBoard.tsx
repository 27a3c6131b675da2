import { useTranslation } from 'react-i18next';
import { useIncidentUi } from '../../incident/incidentUi';
import { useCommandState } from '../../stores/commandStore';
import { useUi } from '../../stores/uiStore';

/** A unit's name (team, vehicle or stock point) from the resources file, else its id. */
export function useUnitName(): (unit: string) => string {
  const r = useIncidentUi((s) => s.resources);
  const lang = useUi((s) => s.lang);
  return (unit) => (r?.teams.find((x) => x.id === unit) ?? r?.vehicles.find((x) => x.id === unit) ?? r?.stock.find((x) => x.id === unit))?.name[lang] ?? unit;
}

/**
 * The resource status board: teams (members fit to go, and whether dispatched), vehicles, and
 * stock per point with below-minimum, expiring and expired items in colour (ISA-101: grey when
 * fine). Stock levels and alerts follow the journal (resource.stock.changed / resource.alert)
 * over the file's values read at start.
 */
export function ResourceBoard(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const r = useIncidentUi((s) => s.resources);
  const stock = useCommandState((s) => s.emergency?.stock);
  const alerts = useCommandState((s) => s.emergency?.alerts);
  const dispatches = useCommandState((s) => s.emergency?.dispatches);
  if (!r) return <div className="dim">{t('incident.noResources')}</div>;
  const busy = new Map<string, string>();
  for (const d of Object.values(dispatches ?? {})) if (d.state === 'en_route' || d.state === 'arrived') busy.set(d.unit, d.state);
  return (
    <div className="col-body resource-board" data-testid="resource-board">
      <h4>{t('incident.teams')}</h4>
      <ul>
        {r.teams.map((tm) => {
          const fit = tm.members.filter((m) => m.fit).length;
          return (
            <li key={tm.id} data-testid={`team-${tm.id}`}>
              <b>{tm.name[lang]}</b> <span className="dim">{t(`incident.need.${tm.kind}`, { defaultValue: tm.kind })}</span> · {t('incident.fitOf', { fit, n: tm.members.length })}
              {busy.has(tm.id) && <span className="busy"> · {t(`incident.dispatchState.${busy.get(tm.id)}`)}</span>}
              {fit < tm.members.length && <span className="warn-text"> · {t('incident.unfitMembers', { n: tm.members.length - fit })}</span>}
            </li>
          );
        })}
      </ul>
      <h4>{t('incident.vehicles')}</h4>
      <ul>
        {r.vehicles.map((v) => (
          <li key={v.id}>
            <b>{v.name[lang]}</b> <span className="dim">{v.speedKmh} km/h</span>
            {busy.has(v.id) && <span className="busy"> · {t(`incident.dispatchState.${busy.get(v.id)}`)}</span>}
          </li>
        ))}
      </ul>
      <h4>{t('incident.stock')}</h4>
      <ul>
        {r.stock.map((p) => (
          <li key={p.id}>
            <b>{p.name[lang]}</b>
            <div className="stock-items">
              {p.items.map((it) => {
                const key = `${p.id}/${it.kind}`;
                const qty = stock?.[key]?.quantity ?? it.quantity;
                const live = alerts?.[key]?.map((a) => a.alert) ?? it.alerts;
                return (
                  <span key={it.kind} className={`stock-item${live.length ? ' alert' : ''}`} data-testid={`stock-${key}`} data-alerts={live.join(',')}>
                    {t(`incident.need.${it.kind}`, { defaultValue: it.kind })} {qty}/{it.minQuantity}
                    {live.map((a) => (
                      <em key={a} className={`stock-alert alert-${a}`}>
                        {t(`incident.stockAlert.${a}`)}
                      </em>
                    ))}
                  </span>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
