import { createContext, useContext } from 'react';
import type { AlarmConsole } from './AlarmConsole';

export const AlarmContext = createContext<AlarmConsole | null>(null);

export function useAlarmConsole(): AlarmConsole {
  const c = useContext(AlarmContext);
  if (!c) throw new Error('useAlarmConsole outside <AlarmContext.Provider>');
  return c;
}
