import { create } from 'zustand';
import { engine } from '../api/engine.js';
import { reportError } from './error-store.js';

interface MessageSourceState {
  /** The message whose source is shown, or null when the source view is closed. */
  messageId: number | null;
  /** The raw message as text; null while it loads. */
  text: string | null;
  show(messageId: number): Promise<void>;
  close(): void;
}

/**
 * A raw message is bytes in whatever charsets its parts declare (often latin1 or 8-bit garbage), so it is shown as
 * UTF-8 with U+FFFD for what does not decode, rather than refused: the headers, which matter most, are ASCII.
 */
function decodeRaw(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

let latest = 0;

export const useMessageSource = create<MessageSourceState>((set) => ({
  messageId: null,
  text: null,
  async show(messageId) {
    const mine = ++latest;
    set({ messageId, text: null });
    try {
      const { raw } = await engine().client.api.messages.source({ id: messageId });
      if (mine === latest) set({ text: decodeRaw(raw) });
    } catch (error) {
      if (mine !== latest) return;
      set({ messageId: null, text: null });
      reportError(error);
    }
  },
  close() {
    latest++;
    set({ messageId: null, text: null });
  },
}));
