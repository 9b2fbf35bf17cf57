import { describe, expect, it } from 'vitest';
import { commandFor } from '../../src-renderer/features/messages/shortcuts.js';

const press = (key: string, code: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  altKey: false,
  shiftKey: mods.shift ?? false,
});

/** Reply, reply all and forward from the list, with the keys each client's users already have in their fingers. */
describe('reply and forward keys in the list', () => {
  it('Outlook: Ctrl+R, Ctrl+Shift+R, Ctrl+F', () => {
    expect(commandFor(press('r', 'KeyR', { ctrl: true }), 'outlook')).toBe('reply');
    expect(commandFor(press('R', 'KeyR', { ctrl: true, shift: true }), 'outlook')).toBe('replyAll');
    expect(commandFor(press('f', 'KeyF', { ctrl: true }), 'outlook')).toBe('forward');
  });

  it('Gmail: R, A, F (and Ctrl+A still selects all)', () => {
    expect(commandFor(press('r', 'KeyR'), 'gmail')).toBe('reply');
    expect(commandFor(press('a', 'KeyA'), 'gmail')).toBe('replyAll');
    expect(commandFor(press('f', 'KeyF'), 'gmail')).toBe('forward');
    expect(commandFor(press('a', 'KeyA', { ctrl: true }), 'gmail')).toBe('selectAll');
  });

  it('Thunderbird: Ctrl+R, Ctrl+Shift+R, Ctrl+L (F alone still goes to the next message)', () => {
    expect(commandFor(press('r', 'KeyR', { ctrl: true }), 'thunderbird')).toBe('reply');
    expect(commandFor(press('R', 'KeyR', { ctrl: true, shift: true }), 'thunderbird')).toBe('replyAll');
    expect(commandFor(press('l', 'KeyL', { ctrl: true }), 'thunderbird')).toBe('forward');
    expect(commandFor(press('f', 'KeyF'), 'thunderbird')).toBe('next');
  });

  it('on an AZERTY keyboard, Ctrl with the key printed R replies', () => {
    expect(commandFor(press('r', 'KeyR', { ctrl: true }), 'outlook')).toBe('reply');
    // The key printed A on AZERTY (where QWERTY has Q) is Gmail's reply-all.
    expect(commandFor(press('a', 'KeyQ'), 'gmail')).toBe('replyAll');
  });
});
