/**
 * The renderer is served from `app://facteur/`, never `file://` (Electron security checklist #18): a file:// page
 * could read any file its URL can name, and shares one origin with every other file.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'facteur';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL belongs to our own pages. Compared by parsed parts, never by prefix (checklist #13):
 * "app://facteur.evil/" starts with "app://facteur". Not by `.origin` either: Node's WHATWG URL gives the opaque
 * origin "null" to non-special schemes such as app:, the same as data: and about:, so comparing origins would
 * accept those too. Chromium, where the scheme is registered as standard, derives the origin from exactly these parts.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
