import { useTranslation } from 'react-i18next';
import { riskGrades } from '../../../../shared/plant/alarmConfig';
import { alarmStore, useAlarms } from '../../stores/alarmStore';
import { useCommandState } from '../../stores/commandStore';
import { usePlant } from '../../stores/plantStore';
import { useUi } from '../../stores/uiStore';
import { RiskBadge } from './RiskBadge';
import { riskUnits } from './riskUnits';

/**
 * The four-colour risk register as it stands now (风险分级管控): each risk unit with its
 * current and inherent grade, and — when the current grade is raised — why (alarms, failed
 * detectors, interlock bypasses), plus its controls and assessment reference.
 */
export function RiskPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const risks = useCommandState((s) => s.risks);
  const visible = useAlarms((s) => s.riskVisible);
  const units = riskUnits(plant, risks);
  const areaName = (id: string): string => plant?.areas.find((a) => a.id === id)?.name[lang] ?? id;
  return (
    <div className="risk-panel" data-testid="risk-panel">
      <div className="risk-legend">
        <label className="risk-toggle">
          <input type="checkbox" data-testid="risk-toggle" checked={visible} onChange={(e) => alarmStore.getState().setRiskVisible(e.target.checked)} />
          {t('risk.layer')}
        </label>
        {[...riskGrades].reverse().map((g) => (
          <RiskBadge key={g} grade={g} />
        ))}
        <span className="risk-note">{t('risk.raisedNote')}</span>
      </div>
      {units.length === 0 ? (
        <div className="feed-empty">{t('risk.none')}</div>
      ) : (
        <div className="risk-units">
          {units.map((u) => (
            <div key={u.point.id} className={`risk-unit${u.raised ? ' raised' : ''}`} data-testid="risk-unit" data-risk={u.point.id} data-grade={u.current}>
              <RiskBadge grade={u.current} />
              <span className="risk-name">
                {u.point.name[lang]} <span className="risk-area">· {areaName(u.point.area)}</span>
              </span>
              <span className="risk-inherent">
                {t('risk.inherent')} <RiskBadge grade={u.point.inherentGrade} />
              </span>
              {u.raised && (
                <span className="risk-reasons" data-testid="risk-reasons">
                  ▲ {u.reasons.length ? u.reasons.map((r) => r[lang]).join('；') : t('risk.raisedNoReason')}
                </span>
              )}
              <span className="risk-ref">
                {u.point.assessment.method} {u.point.assessment.reference} · {t('risk.controls')}: {u.point.controls.map((c) => c[lang]).join('、')}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
