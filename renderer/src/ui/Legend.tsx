import { useTranslation } from 'react-i18next';
import { priorities } from '../../../shared/alarm/model';
import { riskGrades } from '../../../shared/plant/alarmConfig';
import { hiddenMarks, priorityStyles, riskGradeStyles } from '../alarm/alarmStyle';
import { alarmStore, useAlarms } from '../stores/alarmStore';
import { usePlant } from '../stores/plantStore';
import { personRoleText } from '../../../shared/people/registry';
import { personStyles } from '../map/peopleStyle';
import { usePeopleRegistry } from '../people/peopleRegistry';
import { useUi } from '../stores/uiStore';

/** The roles the legend names (the most common on a shift); the others show on hover. */
const legendRoles = ['operator', 'shift_lead', 'maintenance', 'contractor', 'visitor'] as const;

/**
 * What the map's marks mean: sensor looks (the swatches reuse the markers' colours, sizes and
 * hatching), alarm priorities (colour AND shape), and the four-colour risk grades with the
 * layer's toggle.
 */
export function Legend(): React.JSX.Element {
  const { t } = useTranslation();
  const rows = ['normal', 'warning', 'alarm', 'bad', 'stale'] as const;
  const hasRisks = usePlant((s) => (s.plant?.risks?.length ?? 0) > 0);
  const riskVisible = useAlarms((s) => s.riskVisible);
  const hasPeople = usePeopleRegistry((s) => s.version >= 0);
  const lang = useUi((s) => s.lang);
  return (
    <div className="legend" aria-label={t('legend.title')} data-testid="legend">
      <div className="legend-cols">
        <div>
          <div className="legend-title">{t('legend.sensors')}</div>
          {rows.map((r) => (
            <div key={r} className="legend-row">
              <span className={`swatch swatch-${r}`} aria-hidden="true" />
              {t(`legend.${r}`)}
            </div>
          ))}
        </div>
        <div>
          <div className="legend-title">{t('legend.alarms')}</div>
          {priorities.map((p) => (
            <div key={p} className="legend-row" data-testid={`legend-p${p}`}>
              <span className="legend-glyph" style={{ color: priorityStyles[p].css }} aria-hidden="true">
                {priorityStyles[p].glyph}
              </span>
              {t(`priority.p${p}`)}
            </div>
          ))}
          <div className="legend-row">
            <span className="legend-glyph legend-hidden" aria-hidden="true">
              {hiddenMarks.shelved.glyph}
            </span>
            {t('legend.hiddenAlarms')}
          </div>
        </div>
        {hasPeople && (
          <div data-testid="legend-people">
            <div className="legend-title">{t('legend.people')}</div>
            {legendRoles.map((r) => (
              <div key={r} className="legend-row">
                <span className="swatch-person" style={{ background: `#${personStyles[r].color.toString(16).padStart(6, '0')}`, height: `${personStyles[r].height * 3}px` }} aria-hidden="true" />
                {personRoleText[r][lang]}
              </div>
            ))}
            <div className="legend-row legend-note">{t('legend.otherRoles')}</div>
          </div>
        )}
        {hasRisks && (
          <div>
            <label className="legend-title legend-toggle">
              <input type="checkbox" checked={riskVisible} data-testid="legend-risk-toggle" onChange={(e) => alarmStore.getState().setRiskVisible(e.target.checked)} />
              {t('risk.layer')}
            </label>
            {[...riskGrades].reverse().map((g) => (
              <div key={g} className="legend-row">
                <span className="swatch-risk" style={{ background: riskGradeStyles[g].css }} aria-hidden="true" />
                {t(`risk.grade.${g}`)}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
