import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlant } from '../stores/plantStore';
import { useUi } from '../stores/uiStore';
import { consoleNotify } from '../notify/consoleNotify';
import { NotifyPrefsForm } from '../notify/NotifyPrefsForm';
import { consoleLayouts, useActiveLayout } from './consoleLayouts';
import { dockTabs, type Layout } from './layoutSchema';
import { useStore } from 'zustand';
import './layout.css';

/** Adds `tab` at the end of the list, or removes it. */
function toggled(tabs: Layout['dock']['tabs'], tab: (typeof dockTabs)[number], on: boolean): Layout['dock']['tabs'] {
  return on ? [...tabs.filter((x) => x !== tab), tab] : tabs.filter((x) => x !== tab);
}
/** Moves `tab` one place earlier. */
function earlier(tabs: Layout['dock']['tabs'], tab: (typeof dockTabs)[number]): Layout['dock']['tabs'] {
  const i = tabs.indexOf(tab);
  if (i <= 0) return tabs;
  const out = [...tabs];
  [out[i - 1], out[i]] = [out[i]!, out[i - 1]!];
  return out;
}

/**
 * The layout menu (top right of the map): pick a role layout, change the dock's tabs, their
 * order, the open tab and height, the start camera and the risk layer; save for this user,
 * export to a JSON file and import one; and the notification preferences.
 */
export function LayoutMenu(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = useUi((s) => s.lang);
  const plant = usePlant((s) => s.plant);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const active = useActiveLayout((l) => l);
  useStore(consoleLayouts.store, (s) => s.saved);
  const all = consoleLayouts.all();
  const notify = consoleNotify();
  const change = (f: (l: Layout) => Layout): void => setMessage(consoleLayouts.change(f) ? null : t('layout.invalid'));
  const download = (): void => {
    const blob = new Blob([consoleLayouts.exportText('active')], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `vigil-layout-${active.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const onFile = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    const r = consoleLayouts.importText(await f.text());
    setMessage(r.ok ? t('layout.imported', { n: r.layouts.length }) : t('layout.importFailed', { message: r.message }));
  };
  return (
    <div className="layout-menu" data-testid="layout-menu">
      <button type="button" className="layout-toggle" onClick={() => setOpen(!open)} data-testid="layout-toggle" aria-expanded={open}>
        {t('layout.title')} · {active.name[lang]} {open ? '▴' : '▾'}
      </button>
      {open && (
        <div className="layout-panel" data-testid="layout-panel" data-layout={active.id}>
          <label>
            {t('layout.choose')}{' '}
            <select value={active.id} onChange={(e) => consoleLayouts.choose(e.target.value)} data-testid="layout-choose">
              {all.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name[lang]} ({t(`layout.role.${l.role}`)})
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('layout.tabs')}</legend>
            {dockTabs.map((tab) => {
              const on = active.dock.tabs.includes(tab);
              return (
                <div key={tab} className="layout-tab">
                  <label>
                    <input type="checkbox" checked={on} data-testid={`layout-tab-${tab}`} onChange={(e) => change((l) => ({ ...l, dock: { ...l.dock, tabs: toggled(l.dock.tabs, tab, e.target.checked), open: !e.target.checked && l.dock.open === tab ? null : l.dock.open } }))} />{' '}
                    {t(`dock.${tab}`)}
                  </label>
                  {on && (
                    <button type="button" onClick={() => change((l) => ({ ...l, dock: { ...l.dock, tabs: earlier(l.dock.tabs, tab) } }))} title={t('layout.earlier')}>
                      ↑
                    </button>
                  )}
                </div>
              );
            })}
          </fieldset>
          <label>
            {t('layout.height')}{' '}
            <input type="range" min={15} max={80} value={active.dock.heightPct} data-testid="layout-height" onChange={(e) => change((l) => ({ ...l, dock: { ...l.dock, heightPct: Number(e.target.value) } }))} /> {active.dock.heightPct} %
          </label>
          <label>
            {t('layout.camera')}{' '}
            <select value={active.map.camera} data-testid="layout-camera" onChange={(e) => change((l) => ({ ...l, map: { ...l.map, camera: e.target.value } }))}>
              <option value="overview">{t('camera.overview')}</option>
              {(plant?.areas ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={active.map.riskLayer} onChange={(e) => change((l) => ({ ...l, map: { ...l.map, riskLayer: e.target.checked } }))} /> {t('layout.riskLayer')}
          </label>
          <div className="layout-actions">
            <button type="button" data-testid="layout-save" onClick={() => (consoleLayouts.save(), setMessage(t('layout.saved')))}>
              {t('layout.save')}
            </button>
            <button type="button" data-testid="layout-export" onClick={download}>
              {t('layout.export')}
            </button>
            <button type="button" data-testid="layout-import" onClick={() => file.current?.click()}>
              {t('layout.import')}
            </button>
            <input ref={file} type="file" accept="application/json,.json" hidden data-testid="layout-file" onChange={(e) => void onFile(e.target.files?.[0])} />
          </div>
          {message && (
            <div className="layout-message" role="status" data-testid="layout-message">
              {message}
            </div>
          )}
          {notify && <NotifyPrefsForm sink={notify.sink} save={(p) => notify.service.savePrefs(p)} />}
        </div>
      )}
    </div>
  );
}
