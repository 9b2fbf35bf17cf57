import { app, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-protocol.js';

export interface WebGuardOptions {
  /** The options of an app window our own page may open at this URL (a message window), or null: denied. */
  childWindow(url: string): BrowserWindowConstructorOptions | null;
}

/**
 * What every web page in the app may do, applied to each webContents as it is created, so a window or frame
 * added later cannot forget a rule. Numbers refer to Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security).
 */
export function installWebGuards(options: WebGuardOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, options);
    guardSession(contents.session);
  });
}

function guardNavigation(contents: WebContents, options: WebGuardOptions): void {
  // #13: the main frame never leaves our pages. A link the user means to follow opens in the browser via the
  // window-open handler below (the renderer gives external links target="_blank").
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // #13 for frames: a message's HTML lives in a sandboxed iframe and must not be steered anywhere by a <meta
  // refresh>, a form or a script. It may only hold our own pages or the inert documents the CSP's frame-src names.
  contents.on('will-frame-navigate', (event) => {
    if (event.isSameDocument) return;
    if (isAppUrl(event.url)) return;
    if (!event.isMainFrame && isInertFrameUrl(event.url)) return;
    event.preventDefault();
  });
  // #14: no new Electron windows from page content, except the app's own message window asked by the app's own
  // page (a message's frame cannot: it has no allow-popups); http(s) and mailto links go to the user's programs.
  contents.setWindowOpenHandler(({ url }) => {
    const child = isAppUrl(contents.getURL()) ? options.childWindow(url) : null;
    if (child) return { action: 'allow', overrideBrowserWindowOptions: child };
    const external = externalUrl(url);
    if (external) void shell.openExternal(external).catch((error: unknown) => console.error('Facteur: could not open a link:', error));
    return { action: 'deny' };
  });
  // #12: <webview> is disabled in webPreferences; refuse an attach regardless.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** about:blank, about:srcdoc and data: documents: what message views are made of; they load nothing by themselves. */
function isInertFrameUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'data:') return true;
  return url.protocol === 'about:' && (url.pathname === 'blank' || url.pathname === 'srcdoc');
}

/**
 * #15: `shell.openExternal` hands a URL to the OS, which may run a program for an unknown scheme (ms-msdt:,
 * file:, smb:…). Only http, https and mailto pass, re-serialised from the parsed URL.
 */
export function externalUrl(raw: string): string | null {
  if (raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname ? url.href : null;
  if (url.protocol === 'mailto:') return url.href;
  return null;
}

const guarded = new WeakSet<Session>();

function guardSession(session: Session): void {
  if (guarded.has(session)) return;
  guarded.add(session);
  // #5: Electron approves every permission request unless told otherwise. The shell needs none: notifications
  // are shown by main, and files are opened by main on the engine's behalf.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Behind the CSP, a second wall: no page, nor any frame in it, may reach the network — except the images, style
  // sheets and fonts of a message whose remote content the agent chose to load (the message frame's own CSP keeps
  // them blocked until then, and no frame can run script). Only requests a page made (they carry a webContentsId)
  // are judged; the browser's own fetches are not ours.
  const REMOTE_CONTENT: ReadonlySet<string> = new Set(['image', 'stylesheet', 'font']);
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const fromPage = details.webContentsId !== undefined;
    const messageContent = REMOTE_CONTENT.has(details.resourceType) && /^https?:/.test(details.url);
    callback({ cancel: fromPage && !messageContent });
  });
}
