import Pop3Command from 'node-pop3';
import { isIP, type Socket } from 'node:net';
import type { TlsOptions } from 'node:tls';
import type { ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import type { Secret } from './client-options.js';
import { networkError, stepError } from './failure.js';
import { upgradeToTls } from './sockets.js';
import { assertSecurityAllowed, bareHost, tlsOptions } from './tls-options.js';

const STEP_MS = 20_000;
const ignore = () => {};

/**
 * node-pop3 with the login under our control: it would otherwise reconnect by itself whenever its socket is gone,
 * in clear text and without STLS, and send USER/PASS there. Here a lost connection stays lost.
 */
export class Pop3Session extends Pop3Command {
  override async _connect(): Promise<string> {
    if (!this._socket) throw stepError('CONNECT_FAILED', `The connection to ${this.host} was closed.`, 'CLOSED');
    return this._PASSInfo;
  }
}

/**
 * An authenticated POP3 session: implicit TLS (RFC 8314), or STLS (RFC 2595 §4) that must succeed, then USER/PASS
 * (RFC 1939 §7) or AUTH XOAUTH2 (RFC 5034). Failures are EngineErrors naming the step. The caller sends QUIT.
 */
export async function openPop3(server: ServerSettings, secret: Secret, caCertPem?: string | null, socketTimeoutMs?: number): Promise<Pop3Session> {
  assertSecurityAllowed(server);
  const host = bareHost(server.host);
  const pop = new Pop3Session({
    host,
    port: server.port,
    tls: server.security === 'tls',
    // node-pop3 falls back to the host as SNI name; an IP literal must not be one (DEP0123). Its type says
    // TlsOptions (server side) for what it passes to tls.connect.
    tlsOptions: { ...tlsOptions(server.host, caCertPem), ...(isIP(host) ? { servername: undefined } : {}) } as TlsOptions,
    user: server.username,
    password: '',
    ...(socketTimeoutMs ? { timeout: socketTimeoutMs } : {}),
  });
  // node-pop3 emits 'error' for a -ERR nobody waits for; unheard, that would crash the engine.
  pop.on('error', ignore);
  try {
    await step(pop, pop.connect(), (e) => networkError(e, server.host, server.port) ?? stepError('CONNECT_FAILED', `${server.host} port ${server.port}: ${e.message}`));
    if (server.security === 'starttls') await startTls(pop, server.host, caCertPem);
    await authenticate(pop, server, secret);
    return pop;
  } catch (error) {
    pop._socket?.destroy();
    throw error;
  }
}

/** node-pop3 0.11 has no STLS: after the server's +OK, layer TLS on its own socket and move its listeners there. */
async function startTls(pop: Pop3Session, host: string, caCertPem?: string | null): Promise<void> {
  await step(pop, pop.command('STLS'), () => stepError('TLS_ERROR', `${host} does not offer STLS (STARTTLS for POP3), so the connection cannot be encrypted; choose TLS instead.`, 'STARTTLS_UNAVAILABLE'));
  const plain = pop._socket as Socket;
  const events = ['data', 'error', 'close', 'end', 'timeout'] as const;
  const moved = events.map((name) => [name, plain.listeners(name) as Array<(...args: unknown[]) => void>] as const);
  for (const [name, listeners] of moved) for (const listener of listeners) plain.off(name, listener);
  plain.on('error', ignore);
  plain.setTimeout(0);
  const secure = await upgradeToTls(plain, host, caCertPem);
  for (const [name, listeners] of moved) for (const listener of listeners) secure.on(name, listener);
  if (pop.timeout) secure.setTimeout(pop.timeout);
  pop._socket = secure;
}

async function authenticate(pop: Pop3Session, server: ServerSettings, secret: Secret): Promise<void> {
  const refused = (what: string) => (e: Error) =>
    stepError('AUTH_FAILED', `${server.host} refused the ${what} for ${server.username}.`, e.message.slice(0, 200));
  if ('password' in secret) {
    await step(pop, pop.command('USER', server.username), refused('user name'));
    await step(pop, pop.command('PASS', secret.password), refused('user name or password'));
    return;
  }
  // RFC 5034 AUTH with the XOAUTH2 mechanism (Google, Microsoft): the server answers "+" and waits for the blob.
  const blob = Buffer.from(`user=${server.username}\u0001auth=Bearer ${secret.accessToken}\u0001\u0001`).toString('base64');
  await step(pop, pop.command('AUTH', 'XOAUTH2'), refused('XOAUTH2 sign-in'));
  await step(pop, pop.command(blob), refused('access token'));
  // A refused token may come back as a "+ <error>" challenge, which node-pop3 cannot tell from +OK: a command that
  // needs a logged-in session settles it (the server reads it as the empty answer that ends the exchange).
  await step(pop, pop.command('STAT'), refused('access token'));
}

/** One command with a deadline, its failure turned into the step's error (node-pop3 itself never times out). */
async function step<T>(pop: Pop3Session, work: Promise<T>, failure: (error: Error) => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      pop._socket?.destroy();
      reject(stepError('PROTOCOL_ERROR', `${pop.host} did not answer within ${STEP_MS / 1000} s.`, 'TIMEOUT'));
    }, STEP_MS);
  });
  try {
    return await Promise.race([work.catch((e: unknown) => Promise.reject(failure(e instanceof Error ? e : new Error(String(e))))), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
