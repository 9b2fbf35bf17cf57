import type { ParentPort } from 'electron';
import type { Shell } from '../../engine/engine.js';
import type { ShellReply, ShellRequest } from './engine-messages.js';

type Pending = { resolve: (reply: ShellReply) => void };
type ShellQuestion = ShellRequest extends infer R ? (R extends ShellRequest ? Omit<R, 'id'> : never) : never;

/**
 * The engine's Shell inside the utility process. Every call is a request to main (which owns safeStorage,
 * Notification and shell.openPath) answered by id; `answer` is fed the replies main sends back.
 */
export function parentShell(parent: ParentPort): { shell: Shell; answer(reply: ShellReply): void; setSecretsKind(kind: string): void } {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let secretsKind = 'safeStorage';

  function ask(question: ShellQuestion): Promise<ShellReply> {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      parent.postMessage({ ...question, id });
    });
  }

  async function askValue(question: ShellQuestion): Promise<ShellReply['value']> {
    const reply = await ask(question);
    if (!reply.ok) throw new Error(reply.message ?? 'Facteur could not reach the operating system for this request.');
    return reply.value;
  }

  const shell: Shell = {
    secrets: {
      get kind() {
        return secretsKind;
      },
      async encrypt(plain) {
        const sealed = await askValue({ type: 'secrets.encrypt', plain });
        if (!(sealed instanceof Uint8Array)) throw new Error('The system keyring returned no data; try again.');
        return Buffer.from(sealed);
      },
      async decrypt(sealed) {
        // A plain Uint8Array view: structured clone turns a Buffer into one anyway, and a Buffer slice of the pool
        // would otherwise carry the whole pool's bytes across.
        const plain = await askValue({ type: 'secrets.decrypt', sealed: new Uint8Array(sealed) });
        if (typeof plain !== 'string') throw new Error('The system keyring returned no data; try again.');
        return plain;
      },
    },
    notify(title, body) {
      parent.postMessage({ type: 'notify', title: title.slice(0, 200), body: body.slice(0, 1000) });
    },
    async openPath(path) {
      await askValue({ type: 'openPath', path });
    },
    async openExternal(url) {
      await askValue({ type: 'openExternal', url });
    },
    async chooseSaveLocation(question) {
      const path = await askValue({ type: 'chooseSaveLocation', question });
      return typeof path === 'string' ? path : null;
    },
    async chooseImportSource(kind) {
      const path = await askValue({ type: 'chooseImportSource', kind });
      return typeof path === 'string' ? path : null;
    },
  };

  return {
    shell,
    answer(reply) {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      waiting.resolve(reply);
    },
    setSecretsKind(kind) {
      secretsKind = kind;
    },
  };
}
