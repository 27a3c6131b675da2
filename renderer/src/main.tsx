import { StrictMode } from 'react';
import { plantSchema, type Plant } from '../../shared/plant/schema';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AlarmConsole } from './app/AlarmConsole';
import { AlarmContext } from './app/AlarmContext';
import { WebAudioPlayer } from './alarm/WebAudioPlayer';
import { ConsoleContext } from './app/ConsoleContext';
import { ConsoleController } from './app/ConsoleController';
import { ConsoleDb } from './cache/ConsoleDb';
import { DexieConsoleCache } from './cache/consoleCache';
import type { DataSource } from './data/DataSource';
import { FakeSource } from './data/FakeSource';
import { LiveSource } from './data/LiveSource';
import { RestClient } from './data/restClient';
import { SessionClient } from './data/sessionClient';
import { installDiagnostics } from './diagnostics/diagnostics';
import { initI18n, pickLanguage, type Lang } from './i18n/i18n';
import type { MapView } from './map/MapView';
import { loadPlatformConfig } from './platform/platformConfig';
import { plantStore } from './stores/plantStore';
import { tagStore } from './stores/tagStore';
import { uiStore } from './stores/uiStore';
import { LANG_KEY, setLanguage } from './ui/LanguageSwitch';
import './styles.css';
import './ui/alarm/alarm.css';
import './ui/people/people.css';
import { WallApp } from './ui/wall/WallApp';
import { parseWallMode, withoutToken } from './wall/wallMode';
import { readOnlySource } from './wall/readOnlySource';
import { wallTokenStorage } from './wall/wallSession';
import { installWallDiagnostics } from './wall/wallDiagnostics';
import { startConsoleNotify } from './notify/consoleNotify';
import './ui/replay/replay.css';
import './ui/drill/drill.css';
import { wireReplay } from './replay/wireReplay';
import { muteInReplay } from './replay/muteInReplay';

let mapView: MapView | null = null;
const onView = (v: MapView | null): void => {
  mapView = v;
};

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'zh' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** A dev-only fake plant (`?fake=<url of {hash, plant} JSON>` on the vite dev server). */
async function devFakeSource(): Promise<DataSource | null> {
  if (!import.meta.env.DEV) return null;
  const url = new URL(window.location.href).searchParams.get('fake');
  if (!url) return null;
  const body = (await (await fetch(url)).json()) as { data?: { hash?: string; plant?: Plant } } & { hash?: string; plant?: Plant };
  const d = body.data ?? body;
  const plant = d.plant ? plantSchema.parse(d.plant) : null;
  return plant ? new FakeSource({ plant, hash: d.hash }) : null;
}

async function main(): Promise<void> {
  const cfg = await loadPlatformConfig();
  const lang = storedLang() ?? pickLanguage(cfg.locale);
  await initI18n(lang);
  setLanguage(lang);

  // A wall (?wall=1 or /wall) is read-only: its source refuses every command, and it renders no control (docs/console.md).
  const wall = parseWallMode(window.location.href);
  if (wall.token) window.history.replaceState(null, '', withoutToken(window.location.href));
  const rest = new RestClient(cfg.serverUrl);
  const session = new SessionClient(rest, wall.wall ? wallTokenStorage(wall.token, window.sessionStorage) : window.sessionStorage);
  const token = (): string | null => session.current()?.token ?? null;
  // Live data behind the DVR player (replay and back to live, docs/console.md §replay); fake data plays alone.
  const played = (await devFakeSource()) ?? wireReplay(new LiveSource({ rest, session, clientName: `vigil-${cfg.shell}${wall.wall ? '-wall' : ''}` }), rest.baseUrl, token);
  const source = wall.wall ? readOnlySource(played) : played;
  // One cache per plant server, so a console pointed elsewhere never shows another plant.
  const cache = new DexieConsoleCache(new ConsoleDb(`vigil-console:${cfg.serverUrl}`));
  const controller = new ConsoleController({ source, cache, tags: tagStore, signIn: (u, p) => session.signIn(u, p) });
  const alarms = new AlarmConsole(source, new WebAudioPlayer());
  alarms.start();
  startConsoleNotify({ wall: wall.wall && !wall.notify });
  if (wall.wall) {
    document.documentElement.classList.add('wall-mode');
    installWallDiagnostics(wall, (name, payload) => alarms.commands.run(name, payload as never));
  }
  muteInReplay(alarms.annunciator);
  installDiagnostics({ store: tagStore, map: () => mapView, presence: () => uiStore.getState().presence, hash: () => plantStore.getState().hash, alarms });
  window.addEventListener('pagehide', () => void controller.persist());

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConsoleContext.Provider value={controller}>
        <AlarmContext.Provider value={alarms}>
          {wall.wall ? <WallApp mode={wall} source={source} onView={onView} /> : <App onView={onView} />}
        </AlarmContext.Provider>
      </ConsoleContext.Provider>
    </StrictMode>,
  );
  await controller.start();
}

void main();
