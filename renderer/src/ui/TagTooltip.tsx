import { useTranslation } from 'react-i18next';
import { useConsole } from '../app/ConsoleContext';
import { useUi } from '../stores/uiStore';
import { AgeText, StateBadge } from './StateBadge';
import { readTag } from './tagView';
import { useTicker } from './useTicker';

/** Follows the pointer over a sensor marker: id, description, value and unit, quality, age. */
export function TagTooltip(): React.JSX.Element | null {
  const { t } = useTranslation();
  const controller = useConsole();
  const hover = useUi((s) => s.hover);
  const lang = useUi((s) => s.lang);
  useTicker(250, hover !== null);
  if (!hover) return null;
  const r = readTag(hover.index, controller.now());
  if (!r) return null;
  const flipX = hover.x > window.innerWidth - 340;
  const style = { left: flipX ? hover.x - 16 : hover.x + 16, top: hover.y + 16, transform: flipX ? 'translateX(-100%)' : undefined };
  return (
    <div className="tooltip" style={style} data-testid="tag-tooltip" role="tooltip">
      <div className="tooltip-head">
        <span className="tag-id">{r.tag.id}</span>
        <StateBadge r={r} />
      </div>
      <div className="tooltip-desc">{r.tag.name[lang]}</div>
      <div className="tooltip-value">
        <span className="value" data-testid="tooltip-value">{r.value}</span> <span className="unit">{r.tag.unit}</span>
      </div>
      <div className="tooltip-meta">
        {t('tag.quality')}: {t(`quality.${r.quality}`)} · {t('tag.age')}: <AgeText r={r} />
      </div>
    </div>
  );
}
