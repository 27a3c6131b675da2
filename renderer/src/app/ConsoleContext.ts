import { createContext, useContext } from 'react';
import type { ConsoleController } from './ConsoleController';

export const ConsoleContext = createContext<ConsoleController | null>(null);

export function useConsole(): ConsoleController {
  const c = useContext(ConsoleContext);
  if (!c) throw new Error('useConsole outside <ConsoleContext.Provider>');
  return c;
}
