import type { ShortcutPreset } from '../../stores/list-prefs-store.js';

/** What a key can do in the message list, whichever preset names the key. */
export type ListCommand =
  | 'delete'
  | 'deleteForever'
  | 'markRead'
  | 'markUnread'
  | 'toggleRead'
  | 'toggleStar'
  | 'junk'
  | 'notJunk'
  | 'move'
  | 'category'
  | 'selectAll'
  | 'toggleSelect'
  | 'next'
  | 'previous'
  | 'open'
  | 'getMail'
  | 'search'
  | 'reply'
  | 'replyAll'
  | 'forward';

/**
 * Keys as each client documents them. Letters are named by the character the key types (event.key), not by its
 * place (event.code), so Ctrl+Q marks read on the key labelled Q, wherever an AZERTY or Romanian keyboard puts it.
 */
export const PRESETS: Record<ShortcutPreset, Record<string, ListCommand>> = {
  outlook: {
    Delete: 'delete',
    'Shift+Delete': 'deleteForever',
    'Ctrl+q': 'markRead',
    'Ctrl+u': 'markUnread',
    Insert: 'toggleStar',
    'Ctrl+Shift+v': 'move',
    'Ctrl+Alt+j': 'junk',
    'Ctrl+a': 'selectAll',
    'Ctrl+o': 'open',
    Enter: 'open',
    F9: 'getMail',
    'Ctrl+r': 'reply',
    'Ctrl+Shift+r': 'replyAll',
    'Ctrl+f': 'forward',
  },
  gmail: {
    j: 'next',
    k: 'previous',
    x: 'toggleSelect',
    s: 'toggleStar',
    '#': 'delete',
    Delete: 'delete',
    '!': 'junk',
    'Shift+i': 'markRead',
    'Shift+u': 'markUnread',
    v: 'move',
    o: 'open',
    Enter: 'open',
    'Ctrl+a': 'selectAll',
    '/': 'search',
    r: 'reply',
    a: 'replyAll',
    f: 'forward',
  },
  thunderbird: {
    Delete: 'delete',
    'Shift+Delete': 'deleteForever',
    m: 'toggleRead',
    s: 'toggleStar',
    j: 'junk',
    'Shift+j': 'notJunk',
    f: 'next',
    b: 'previous',
    'Ctrl+a': 'selectAll',
    'Ctrl+o': 'open',
    Enter: 'open',
    'Ctrl+t': 'getMail',
    'Ctrl+r': 'reply',
    'Ctrl+Shift+r': 'replyAll',
    'Ctrl+l': 'forward',
  },
};

interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The name PRESETS uses for a key press. Printable symbols ('#', '!', '/') are named alone: the modifiers that typed
 * them (Shift, or AltGr, which Windows reports as Ctrl+Alt) depend on the layout. With Ctrl on a non-Latin layout
 * the key's place names the letter, as desktop apps do for Ctrl+C.
 */
export function keyName(e: KeyLike): string {
  let key = e.key;
  const printable = key.length === 1;
  if (printable && !/[a-z]/i.test(key)) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return key;
  }
  if (printable) {
    key = key.toLowerCase();
    if (!/^[a-z]$/.test(key) && (e.ctrlKey || e.metaKey) && /^Key[A-Z]$/.test(e.code)) key = e.code.slice(3).toLowerCase();
  }
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

export function commandFor(e: KeyLike, preset: ShortcutPreset): ListCommand | null {
  return PRESETS[preset][keyName(e)] ?? null;
}
