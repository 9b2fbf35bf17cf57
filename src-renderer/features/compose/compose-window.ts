import type { StartMode } from '../../../src-shared/contract/index.js';

/**
 * What a composer window opens on, written in its address (`index.html#compose=…`), so a reload finds the same
 * mail: a new message by compose.start's inputs, a saved draft, or a message of a Drafts folder.
 * Electron's main process allows a window only at exactly these forms (window-options.ts checks them again).
 */
export type ComposeTarget =
  | { kind: 'start'; mode: StartMode; messageId?: number; contactId?: number; templateId?: number; quote: boolean }
  | { kind: 'draft'; id: number }
  | { kind: 'drafts-message'; id: number };

const MODES: readonly StartMode[] = ['new', 'reply', 'reply-all', 'forward', 'forward-as-attachment'];
const ID = /^[1-9][0-9]{0,14}$/;

function id(value: string | null): number | undefined {
  return value !== null && ID.test(value) ? Number(value) : undefined;
}

/** The target in a composer window's hash, or null for any other page (the mailbox, a message window). */
export function composeWindowTarget(hash: string = location.hash): ComposeTarget | null {
  if (!hash.startsWith('#compose=')) return null;
  const params = new URLSearchParams(hash.slice(1));
  const kind = params.get('compose');
  if (kind === 'draft' || kind === 'message') {
    const n = id(params.get('id'));
    if (n === undefined) return null;
    return kind === 'draft' ? { kind: 'draft', id: n } : { kind: 'drafts-message', id: n };
  }
  if (kind !== 'start') return null;
  const mode = params.get('mode') as StartMode | null;
  if (mode === null || !MODES.includes(mode)) return null;
  const target: ComposeTarget = { kind: 'start', mode, quote: params.get('quote') !== '0' };
  const messageId = id(params.get('message'));
  const contactId = id(params.get('contact'));
  const templateId = id(params.get('template'));
  if (messageId !== undefined) target.messageId = messageId;
  if (contactId !== undefined) target.contactId = contactId;
  if (templateId !== undefined) target.templateId = templateId;
  return target;
}

/** The hash for a target, its parts always in this order (the Electron check reads exactly this form). */
export function composeHash(target: ComposeTarget): string {
  switch (target.kind) {
    case 'draft':
      return `#compose=draft&id=${target.id}`;
    case 'drafts-message':
      return `#compose=message&id=${target.id}`;
    case 'start': {
      let hash = `#compose=start&mode=${target.mode}`;
      if (target.messageId !== undefined) hash += `&message=${target.messageId}`;
      if (target.contactId !== undefined) hash += `&contact=${target.contactId}`;
      if (target.templateId !== undefined) hash += `&template=${target.templateId}`;
      if (!target.quote) hash += '&quote=0';
      return hash;
    }
  }
}

export function composeWindowUrl(target: ComposeTarget, base: string = location.href): string {
  const url = new URL(base);
  url.search = '';
  url.hash = composeHash(target).slice(1);
  return url.href;
}

let opened = 0;

/**
 * Opens a composer in a window of its own. A draft asked twice comes to the front rather than opening twice; every
 * new message gets its own window. In the browser the window is this page's popup, so it gets a copy of this tab's
 * session storage, where the web host's token is kept (api/token.ts).
 */
export function openComposeWindow(target: ComposeTarget): void {
  const name = target.kind === 'start' ? `facteur-compose-${Date.now()}-${++opened}` : `facteur-compose-${target.kind}-${target.id}`;
  const win = window.open(composeWindowUrl(target), name, 'popup,width=920,height=800');
  win?.focus();
}
