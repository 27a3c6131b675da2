import { useTranslation } from 'react-i18next';
import { useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { RiskBadge } from './RiskBadge';
import { riskUnits } from './riskUnits';

/** Over an area of the risk layer: its units' grades and, where raised, the reasons. */
export function RiskTooltip(): React.JSX.Element | null {
  const { t } = useTranslation();
  const hover = useAlarms((s) => s.riskHover);
  const visible = useAlarms((s) => s.riskVisible);
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const risks = useCommandState((s) => s.risks);
  if (!hover || !visible || !plant) return null;
  const units = riskUnits(plant, risks, hover.area);
  if (units.length === 0) return null;
  const area = plant.areas.find((a) => a.id === hover.area);
  const flipX = hover.x > window.innerWidth - 420;
  const style = { left: flipX ? hover.x - 16 : hover.x + 16, top: hover.y + 16, transform: flipX ? 'translateX(-100%)' : undefined };
  return (
    <div className="tooltip risk-tooltip" style={style} data-testid="risk-tooltip" role="tooltip">
      <div className="tooltip-head">
        <span className="tag-id">{area?.name[lang] ?? hover.area}</span>
        <span className="risk-tip-title">{t('risk.title')}</span>
      </div>
      {units.map((u) => (
        <div key={u.point.id} className="risk-tip-unit">
          <RiskBadge grade={u.current} /> {u.point.name[lang]}
          {u.raised && (
            <div className="risk-reasons">
              {t('risk.raisedFrom')} <RiskBadge grade={u.point.inherentGrade} />: {u.reasons.map((r) => r[lang]).join('；') || t('risk.raisedNoReason')}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
