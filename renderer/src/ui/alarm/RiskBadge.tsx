import { useTranslation } from 'react-i18next';
import type { RiskGrade } from '../../../../shared/plant/alarmConfig';
import { riskGradeStyles } from '../../alarm/alarmStyle';

/** A risk grade as a coloured chip WITH its name (重大/较大/一般/低), never colour alone. */
export function RiskBadge({ grade }: { grade: RiskGrade }): React.JSX.Element {
  const { t } = useTranslation();
  const s = riskGradeStyles[grade];
  return (
    <span className={`risk-badge risk-${grade}`} style={{ background: s.css }} data-grade={grade}>
      {t(`risk.grade.${grade}`)}
    </span>
  );
}
