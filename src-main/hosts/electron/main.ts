import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { defaultDataDir } from '../../engine/data-dir.js';
import { APP_ENTRY, isAppUrl, registerAppScheme, rendererDirFrom, serveRenderer } from './app-protocol.js';
import { CRASH_LIMIT, CRASH_WINDOW_MS, EngineHost } from './engine-host.js';
import type { PortChannel } from './preload-api.js';
import { installWebGuards } from './web-guards.js';
import { appWebPreferences, isComposeWindowUrl, isMessageWindowUrl, messageWindowOptions } from './window-options.js';
import { loadWindowState, trackWindowState } from './window-state.js';

/**
 * The Electron main process: windows, the app:// protocol, the guards, and the engine's utility process.
 * It holds no mail state; it introduces each page to the engine with a MessagePort and keeps the engine alive.
 */

const here = dirname(fileURLToPath(import.meta.url));
const PORT_CHANNEL: PortChannel = 'facteur:port';
const dataDir = defaultDataDir(); // FACTEUR_DATA wins, else the OS app-data folder for "Facteur"
const preload = join(here, 'preload.cjs');

// userData is the data folder, so the single-instance lock below is per store (one writer per SQLite file) and
// safeStorage's key (kept in "Local State" on Windows) travels with the secrets it protects. Chromium's caches
// and cookies go in a sub-folder, apart from the store.
app.setPath('userData', dataDir);
app.setPath('sessionData', join(dataDir, 'chromium'));
registerAppScheme(); // must precede 'ready'

let engine: EngineHost | null = null;
let engineStopped = false;

if (!app.requestSingleInstanceLock()) {
  // Another Facteur owns this data folder; it is told (second-instance) and comes forward.
  app.quit();
} else {
  installWebGuards({ childWindow: (url) => (isMessageWindowUrl(url) || isComposeWindowUrl(url) ? messageWindowOptions(preload) : null) });
  // Every window, the mailbox or a message opened in its own, is introduced to the engine the same way.
  app.on('browser-window-created', (_event, win) => watchPage(win));
  app.on('second-instance', () => focusMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    // Let the engine close SQLite cleanly before the app goes; then quit for real.
    if (!engine || engineStopped) return;
    event.preventDefault();
    void engine.stop().finally(() => {
      engineStopped = true;
      app.quit();
    });
  });
  app.whenReady().then(start).catch(fatal);
}

function start(): void {
  serveRenderer(rendererDirFrom(here));
  engine = new EngineHost({
    modulePath: join(here, 'engine-process.js'),
    dataDir,
    sqliteBinding: sqliteBinding(),
    onRestart: () => BrowserWindow.getAllWindows().forEach(connect),
    onGiveUp: askAfterCrashes,
    onNotificationClick: focusMainWindow,
  });
  engine.start();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(dataDir);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Facteur',
    webPreferences: appWebPreferences(preload),
  });
  trackWindowState(win, dataDir);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

function watchPage(win: BrowserWindow): void {
  // Every load (the first, a reload, a renderer restart) runs a fresh preload that needs a fresh port.
  win.webContents.on('did-finish-load', () => connect(win));
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Facteur: the window's renderer stopped (${details.reason}); View › Reload brings it back.`);
  });
}

/** Hands one page a new channel to the engine; the page's previous channel, if any, is closed by its preload. */
function connect(win: BrowserWindow): void {
  if (win.isDestroyed() || !engine) return;
  // Checklist #17: the engine is offered only to our own page, never to whatever a frame navigated to.
  if (!isAppUrl(win.webContents.getURL())) return;
  const port = engine.connect();
  if (port) win.webContents.postMessage(PORT_CHANNEL, null, [port]);
}

/**
 * From a checkout, launch.ts builds the binding and passes FACTEUR_SQLITE_BINDING. A package carries it in
 * resources/native (electron-builder.yml, extraResources), because npmRebuild is off and node_modules holds Node's.
 */
function sqliteBinding(): string | undefined {
  if (process.env.FACTEUR_SQLITE_BINDING) return process.env.FACTEUR_SQLITE_BINDING;
  const packaged = join(process.resourcesPath, 'native', 'better_sqlite3.node');
  return app.isPackaged && existsSync(packaged) ? packaged : undefined;
}

function focusMainWindow(): void {
  if (!app.isReady()) return;
  const win = BrowserWindow.getAllWindows()[0] ?? createWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function askAfterCrashes(exitCode: number): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Facteur',
    message: 'Facteur’s engine keeps stopping.',
    detail:
      `It stopped ${CRASH_LIMIT} times within ${CRASH_WINDOW_MS / 1000} seconds (last exit code ${exitCode}), so ` +
      `Facteur no longer restarts it by itself. Your mail stays on disk in ${dataDir}. Try again, or quit.`,
    buttons: ['Try again', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) return true;
  app.quit();
  return false;
}

function fatal(error: unknown): void {
  console.error('Facteur could not start:', error);
  dialog.showErrorBox('Facteur could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
