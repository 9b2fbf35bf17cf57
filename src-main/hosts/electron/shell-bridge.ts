import { BrowserWindow, dialog, Notification, safeStorage, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { openablePath } from '../openable-path.js';
import type { ShellReply, ShellRequest } from './engine-messages.js';

/**
 * Main's half of the engine's Shell: the engine process asks, main answers with what only the browser process
 * has. Requests come from the engine's utility process only; the renderer has no route here.
 */

/** A short name of the protection in use, for the diagnostics page. Valid once the app is ready. */
export function secretsKind(): string {
  if (process.platform === 'darwin') return 'safeStorage:keychain';
  if (process.platform === 'win32') return 'safeStorage:dpapi';
  // The backend is only known after the first use of safeStorage on Linux.
  safeStorage.isEncryptionAvailable();
  return `safeStorage:${safeStorage.getSelectedStorageBackend()}`;
}

/**
 * Why secrets cannot be stored safely right now, or null. On Linux without a keyring, Chromium falls back to
 * `basic_text`: a hard-coded key, which is obfuscation, not encryption (Electron safeStorage docs); we refuse it
 * as Signal-Desktop does rather than write passwords a copied profile would reveal.
 */
function secretsRefusal(): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return process.platform === 'linux'
      ? 'Facteur cannot store passwords safely: no system keyring is available. Install and unlock GNOME Keyring or KWallet, then restart Facteur.'
      : 'Facteur cannot store passwords safely: the system keychain is locked or unavailable. Unlock it and try again.';
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'Facteur cannot store passwords safely: only the unencrypted "basic_text" store is available. Install and unlock GNOME Keyring or KWallet (or start Facteur with --password-store=gnome-libsecret), then restart Facteur.';
  }
  return null;
}

export interface ShellBridgeOptions {
  /** Called when the user clicks a notification: bring the window forward. */
  onNotificationClick: () => void;
}

/** Answers one request from the engine. Never throws: every failure becomes a reply with a message. */
export async function answerShellRequest(request: ShellRequest): Promise<ShellReply> {
  const reply = (ok: boolean, extra: Partial<ShellReply> = {}): ShellReply => ({ type: 'reply', id: request.id, ok, ...extra });
  try {
    switch (request.type) {
      case 'secrets.encrypt': {
        const refusal = secretsRefusal();
        if (refusal) return reply(false, { message: refusal });
        return reply(true, { value: new Uint8Array(safeStorage.encryptString(request.plain)) });
      }
      case 'secrets.decrypt': {
        const refusal = secretsRefusal();
        if (refusal) return reply(false, { message: refusal });
        return reply(true, { value: safeStorage.decryptString(Buffer.from(request.sealed)) });
      }
      case 'openPath':
        return await openPath(request.path, reply);
      case 'openExternal':
        return await openExternal(request.url, reply);
      case 'chooseSaveLocation':
        return reply(true, { value: (await chooseSaveLocation(request.question)) ?? undefined });
      case 'chooseImportSource':
        return reply(true, { value: (await chooseImportSource(request.kind)) ?? undefined });
    }
  } catch (error) {
    // safeStorage throws when the keyring changed under us (a new login keyring, a copied profile).
    return reply(false, { message: `The system could not complete this request: ${(error as Error).message}` });
  }
}

/**
 * Opens a file with the user's default application. Only the engine asks, and only for files it wrote (copies of
 * attachments under its data folder); main still insists on an absolute path to an existing file that is not a
 * program or a script (openablePath).
 */
async function openPath(raw: string, reply: (ok: boolean, extra?: Partial<ShellReply>) => ShellReply): Promise<ShellReply> {
  const checked = openablePath(raw);
  if ('refusal' in checked) return reply(false, { message: checked.refusal });
  const failure = await shell.openPath(checked.path);
  return failure ? reply(false, { message: failure }) : reply(true);
}

/** The system's save dialog, attached to the window in front; null when the person cancels. */
async function chooseSaveLocation(question: Extract<ShellRequest, { type: 'chooseSaveLocation' }>['question']): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (question.kind === 'file') {
    const options: SaveDialogOptions = { defaultPath: question.suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** What to import: an Outlook or mail export file, or a folder of .eml / .msg files. */
async function chooseImportSource(kind: 'file' | 'folder'): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: OpenDialogOptions =
    kind === 'file'
      ? { properties: ['openFile'], filters: [{ name: 'Outlook and mail exports', extensions: ['pst', 'ost', 'msg', 'eml', 'mbox', 'mbx'] }, { name: 'All files', extensions: ['*'] }] }
      : { properties: ['openDirectory'] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The system browser for sign-in pages (RFC 8252 §8.12: never an embedded view); web addresses only. */
async function openExternal(raw: string, reply: (ok: boolean, extra?: Partial<ShellReply>) => ShellReply): Promise<ShellReply> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return reply(false, { message: 'Facteur will not open this address: it is not a web address.' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return reply(false, { message: `Facteur opens only web addresses, not ${url.protocol} ones.` });
  await shell.openExternal(url.toString());
  return reply(true);
}

// A shown Notification that nothing references can be garbage-collected, and its click is then lost
// (electron/electron#16922): keep each one until it is clicked or closed.
const live = new Set<Notification>();

export function showNotification(title: string, body: string, options: ShellBridgeOptions): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  live.add(notification);
  notification.on('click', () => {
    live.delete(notification);
    options.onNotificationClick();
  });
  notification.on('close', () => live.delete(notification));
  notification.show();
}
