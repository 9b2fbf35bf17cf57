import { describe, expect, it } from 'vitest';
import { commandFor, keyName } from '../../src-renderer/features/messages/shortcuts.js';

const press = (key: string, code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('list shortcuts on different keyboards', () => {
  it('names letters by what they type, so AZERTY and Romanian keyboards keep the printed letter', () => {
    // AZERTY: the key labelled A sits where QWERTY has Q.
    expect(commandFor(press('a', 'KeyQ', { ctrl: true }), 'outlook')).toBe('selectAll');
    expect(commandFor(press('q', 'KeyA', { ctrl: true }), 'outlook')).toBe('markRead');
    // Romanian (standard): letters where QWERTY has them; Shift+I is Gmail's "mark read".
    expect(commandFor(press('I', 'KeyI', { shift: true }), 'gmail')).toBe('markRead');
    expect(commandFor(press('J', 'KeyJ', { shift: true }), 'thunderbird')).toBe('notJunk');
    expect(commandFor(press('j', 'KeyJ'), 'thunderbird')).toBe('junk');
  });

  it('names symbols alone, whatever Shift or AltGr typed them', () => {
    // "#" is Shift+3 on QWERTY and Romanian, AltGr+3 on AZERTY (reported as Ctrl+Alt on Windows).
    expect(keyName(press('#', 'Digit3', { shift: true }))).toBe('#');
    expect(commandFor(press('#', 'Digit3', { ctrl: true, alt: true }), 'gmail')).toBe('delete');
    // "!" is its own key on AZERTY, Shift+1 elsewhere.
    expect(commandFor(press('!', 'Slash'), 'gmail')).toBe('junk');
    expect(commandFor(press('!', 'Digit1', { shift: true }), 'gmail')).toBe('junk');
  });

  it('falls back to the key\'s place for Ctrl shortcuts on a non-Latin layout', () => {
    // Russian layout: the Q key types "й".
    expect(commandFor(press('й', 'KeyQ', { ctrl: true }), 'outlook')).toBe('markRead');
    // Without Ctrl the character is text, not a shortcut.
    expect(commandFor(press('й', 'KeyQ'), 'outlook')).toBeNull();
  });

  it('keeps presets apart: a Gmail key does nothing under Outlook', () => {
    expect(commandFor(press('j', 'KeyJ'), 'outlook')).toBeNull();
    expect(commandFor(press('s', 'KeyS'), 'gmail')).toBe('toggleStar');
    expect(commandFor(press('Delete', 'Delete', { shift: true }), 'outlook')).toBe('deleteForever');
  });
});
