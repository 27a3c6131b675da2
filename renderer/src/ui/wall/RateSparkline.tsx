import { useTranslation } from 'react-i18next';
import { rateBand, type RateBands } from '../../wall/overviewView';

const W = 600;
const H = 150;

/**
 * The last hour's alarm rate (per 10 minutes, 5-minute steps) as bars against the EEMUA 191
 * band lines: grey bars while the rate is acceptable or manageable, orange over-demanding,
 * red beyond. An SVG scaled to its tile, so it stays sharp on a 4K wall.
 */
export function RateSparkline({ values, bands }: { values: readonly number[]; bands: RateBands }): React.JSX.Element {
  const { t } = useTranslation();
  const yMax = Math.max(bands.overDemanding * 1.3, ...values);
  const y = (v: number): number => H - (Math.min(v, yMax) / yMax) * H;
  const bw = W / Math.max(1, values.length);
  const colour = (v: number): string => {
    const b = rateBand(v, bands);
    return b === 'unacceptable' ? '#e3170a' : b === 'over_demanding' ? '#f26a0d' : '#8a9096';
  };
  return (
    <svg className="wall-spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={t('wall.rateTrend')} data-testid="wall-rate-trend">
      {values.map((v, i) => (
        <rect key={i} x={i * bw + 3} y={y(v)} width={bw - 6} height={H - y(v)} fill={colour(v)} />
      ))}
      {[bands.manageable, bands.overDemanding].map((b) => (
        <line key={b} x1={0} x2={W} y1={y(b)} y2={y(b)} stroke="#c9cdd1" strokeWidth={2} strokeDasharray="10 8" vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
}
