const MESSAGE_HASH = /^#message=([1-9][0-9]{0,14})$/;

/**
 * The message this page shows on its own, when it was opened as a message window (`index.html#message=42`), or
 * null for the mailbox. Electron's main process allows a window to open only at this exact form of our own URL.
 */
export function messageWindowTarget(hash: string = location.hash): number | null {
  const match = MESSAGE_HASH.exec(hash);
  return match ? Number(match[1]) : null;
}

export function messageWindowUrl(id: number, base: string = location.href): string {
  const url = new URL(base);
  url.search = '';
  url.hash = `message=${id}`;
  return url.href;
}

/**
 * Opens a message in a window of its own (the window marks it read as it opens). The same message asked twice
 * comes to the front rather than opening again. In the browser the new window is this page's popup, so it gets
 * a copy of this tab's session storage, where the web host's token is kept (api/token.ts).
 */
export function openMessageWindow(id: number): void {
  const opened = window.open(messageWindowUrl(id), `facteur-message-${id}`, 'popup,width=860,height=760');
  opened?.focus();
}
