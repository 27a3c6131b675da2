import { describe, expect, it } from 'vitest';
import { orderedTabs } from './orderedTabs';

describe('orderedTabs', () => {
  it('takes the layout order, drops tabs the layout leaves out, appends tabs layouts do not know', () => {
    const all = ['incident', 'alarms', 'kpi', 'people', 'brand-new'] as const;
    expect(orderedTabs(all, ['people', 'alarms'])).toEqual(['people', 'alarms', 'brand-new']);
    expect(orderedTabs(all, ['kpi', 'robots'])).toEqual(['kpi', 'brand-new']);
    expect(orderedTabs(['alarms'], ['alarms', 'alarms'])).toEqual(['alarms', 'alarms']);
  });
});
