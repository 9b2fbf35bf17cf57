import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppUrl } from './app-url.js';

/** Every window of the app gets exactly these: a child window opened by the page may not loosen any of them. */
export function appWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    // Checklist #2, #3, #4, #6, #8, #9, #12: spelled out although most are defaults, so a reader sees them.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: true, // people write mail here
  };
}

/**
 * The one page a window may open: our own entry showing one message (`index.html#message=42`, see the renderer's
 * message-window.ts). Compared by parsed parts; no query, no other path, a bare numeric id.
 */
export function isMessageWindowUrl(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const url = new URL(raw);
  return url.pathname === '/index.html' && url.search === '' && /^#message=[1-9][0-9]{0,14}$/.test(url.hash);
}

const ID = '[1-9][0-9]{0,14}';
const COMPOSE_HASH = new RegExp(
  '^#compose=(?:start&mode=(?:new|reply|reply-all|forward|forward-as-attachment)' +
    `(?:&message=${ID})?(?:&contact=${ID})?(?:&template=${ID})?(?:&quote=0)?|draft&id=${ID}|message&id=${ID})$`,
);

/**
 * The composer's page (`index.html#compose=start&mode=reply&message=42`, `#compose=draft&id=7`…), in exactly the
 * form the renderer's compose-window.ts writes: its parts in one order, ids only, nothing else.
 */
export function isComposeWindowUrl(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const url = new URL(raw);
  return url.pathname === '/index.html' && url.search === '' && COMPOSE_HASH.test(url.hash);
}

/** A message (or the composer) in a window of its own: smaller than the mailbox, same preferences. */
export function messageWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return { width: 860, height: 760, minWidth: 420, minHeight: 320, title: 'Facteur', webPreferences: appWebPreferences(preload) };
}
