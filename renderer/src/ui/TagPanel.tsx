import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/ConsoleContext';
import { usePlant } from '../stores/plantStore';
import { uiStore, useUi } from '../stores/uiStore';
import { AgeText, StateBadge } from './StateBadge';
import { formatValue } from './format';
import { readTag } from './tagView';
import { TrendChart } from './TrendChart';
import { useTicker } from './useTicker';

/** Side panel of the selected tag: live value, state, limits, where it is, and its trend. */
export function TagPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const index = useUi((s) => s.selected);
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  useTicker(500, index >= 0);
  useEffect(() => {
    if (index < 0) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') uiStore.getState().select(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index]);
  if (index < 0 || !plant) return null;
  const r = readTag(index, controller.now());
  if (!r) return null;
  const tag = r.tag;
  const area = plant.areas.find((a) => a.id === tag.area);
  const equipment = tag.equipment ? plant.equipment.find((e) => e.id === tag.equipment) : undefined;
  const lim = tag.limits;
  const limitRows: [string, number | undefined, string][] = [
    ['HH', lim.hh, 'alarm'],
    ['H', lim.h, 'warning'],
    ['L', lim.l, 'warning'],
    ['LL', lim.ll, 'alarm'],
  ];
  return (
    <aside className="panel" data-testid="tag-panel" aria-label={tag.id}>
      <header className="panel-head">
        <div>
          <div className="tag-id">{tag.id}</div>
          <div className="panel-desc">{tag.name[lang]}</div>
        </div>
        <button className="close" onClick={() => uiStore.getState().select(-1)} aria-label={t('panel.close')} title={t('panel.close')}>
          ×
        </button>
      </header>
      <div className="panel-value">
        <span className="value" data-testid="panel-value">{r.value}</span> <span className="unit">{tag.unit}</span>
        <StateBadge r={r} />
      </div>
      <dl className="facts">
        <dt>{t('tag.quality')}</dt>
        <dd>{t(`quality.${r.quality}`)}</dd>
        <dt>{t('tag.age')}</dt>
        <dd>
          <AgeText r={r} />
        </dd>
        <dt>{t('tag.kind')}</dt>
        <dd>{t(`kind.${tag.kind}`)}</dd>
        <dt>{t('tag.area')}</dt>
        <dd>{area ? area.name[lang] : tag.area}</dd>
        {equipment && (
          <>
            <dt>{t('tag.equipment')}</dt>
            <dd>{equipment.name[lang]}</dd>
          </>
        )}
        <dt>{t('tag.range')}</dt>
        <dd>
          {formatValue(tag.range.lo, tag)} … {formatValue(tag.range.hi, tag)} {tag.unit}
        </dd>
        <dt>{t('tag.period')}</dt>
        <dd>{t('age.s', { n: tag.periodMs / 1000 })}</dd>
      </dl>
      <div className="limits">
        <div className="limits-title">{t('tag.limits')}</div>
        <table>
          <tbody>
            {limitRows
              .filter(([, v]) => v !== undefined)
              .map(([name, v, cls]) => (
                <tr key={name}>
                  <td className={`limit-name limit-${cls}`}>{name}</td>
                  <td>
                    {formatValue(v!, tag)} {tag.unit}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <div className="limits-source">
          {t('tag.source')}: {lim.source}
        </div>
      </div>
      <TrendChart key={tag.id} tag={tag} index={index} />
    </aside>
  );
}
