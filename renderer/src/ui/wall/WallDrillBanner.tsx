import { DrillBanner } from '../drill/DrillBanner';

/**
 * The console's DRILL banner (renderer/src/ui/drill, state.drill.active) on the wall, in wall
 * type: the same component every console shows, scaled by wall.css. It holds no control.
 */
export function WallDrillBanner(): React.JSX.Element {
  return (
    <div className="wall-drill" data-testid="wall-drill">
      <DrillBanner />
    </div>
  );
}
