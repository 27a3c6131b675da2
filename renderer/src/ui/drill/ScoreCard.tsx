import { useTranslation } from 'react-i18next';
import { drillUi, useDrillUi } from '../../drill/drillUi';
import { formatDrillClock } from '../../drill/drillClock';
import { useUi } from '../../stores/uiStore';
import { WideDialog } from './WideDialog';
import { useDrillScore } from './useDrillScore';

/** The score card of a finished drill: total, and each milestone and plan step against its target. */
export function ScoreCard(): React.JSX.Element | null {
  const id = useDrillUi((s) => s.scoreCard);
  if (!id) return null;
  return <ScoreCardOf id={id} />;
}

function ScoreCardOf({ id }: { id: string }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const { drill, score, error } = useDrillScore(id);
  const close = (): void => drillUi.getState().openScore(null);
  return (
    <WideDialog title={`${t('drill.scoreCard')} · ${drill?.name[lang] ?? id}`} onClose={close} testId="drill-score-card" className="drill-score">
      {!score && <div className="drill-empty">{error ? t('drill.readError', { reason: error }) : t('drill.scoring')}</div>}
      {score && (
        <>
          <div className="score-total" data-testid="drill-score-total" data-score={score.score}>
            <span className="score-number">{Math.round(score.score)}</span>
            <span className="score-of">/ 100</span>
            <span className="drill-dim">
              {id} · {drill ? t(`drill.state.${drill.state}`) : ''}
            </span>
          </div>
          <table className="score-table">
            <thead>
              <tr>
                <th>{t('drill.item')}</th>
                <th>{t('drill.target')}</th>
                <th>{t('drill.actual')}</th>
                <th>{t('drill.outcome')}</th>
                <th>{t('drill.who')}</th>
                <th>{t('drill.points')}</th>
              </tr>
            </thead>
            <tbody>
              {score.items.map((it) => (
                <tr key={it.key} className={`outcome-${it.outcome}`} data-testid={`score-item-${it.key}`} data-outcome={it.outcome}>
                  <td>{it.label[lang]}</td>
                  <td>T+{formatDrillClock(it.targetS * 1000)}</td>
                  <td>{it.actualS === null ? '—' : `T+${formatDrillClock(it.actualS * 1000)}`}</td>
                  <td>
                    <span className={`outcome-pill outcome-${it.outcome}`}>{t(`drill.outcomes.${it.outcome}`)}</span>
                  </td>
                  <td>{it.actor ?? '—'}</td>
                  <td>
                    {Math.round(it.points * 10) / 10} / {it.weight}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="drill-controls">
        <button className="drill-primary" data-testid="drill-open-review" onClick={() => drillUi.getState().openReview(id)}>
          {t('drill.review')}
        </button>
        <button onClick={close}>{t('panel.close')}</button>
      </div>
    </WideDialog>
  );
}
