import { ContractError, type Result } from './errors.js';
import type { CommandName, EventName, EventPayload, Input, Output } from './index.js';

/** How a client reaches the engine: a WebSocket, an Electron MessagePort, or the engine itself in tests. */
export interface Transport {
  request(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
type MethodOf<N, D extends string> = N extends `${D}.${infer M}` ? M : never;

/** `client.messages.list({...})` for every command `messages.list` in the contract. */
export type Api = {
  [D in DomainOf<CommandName>]: {
    [M in MethodOf<CommandName, D>]: `${D}.${M}` extends infer N extends CommandName
      ? // `{} extends X` is the idiom for "X has no required keys": then the argument may be left out.
        // eslint-disable-next-line @typescript-eslint/no-empty-object-type
        (...input: {} extends Input<N> ? [input?: Input<N>] : [input: Input<N>]) => Promise<Output<N>>
      : never;
  };
};

export interface Client {
  readonly api: Api;
  call<N extends CommandName>(name: N, input: Input<N>): Promise<Output<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The typed client generator used by the renderer and the tests. Answers are trusted: the engine parsed the
 * input and its handlers are typed against the same schemas. Errors reject with a ContractError carrying the code.
 */
export function createClient(transport: Transport): Client {
  async function call(name: string, input: unknown): Promise<unknown> {
    const result = await transport.request(name, input ?? {});
    if (!result.ok) throw new ContractError(result.error);
    return result.value;
  }
  const api = new Proxy({} as Record<string, unknown>, {
    get(_target, domain) {
      if (typeof domain !== 'string') return undefined;
      return new Proxy({}, {
        get(_t, method) {
          if (typeof method !== 'string') return undefined;
          return (input?: unknown) => call(`${domain}.${method}`, input);
        },
      });
    },
  }) as unknown as Api;
  return {
    api,
    call: (name, input) => call(name, input) as never,
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
