import { lookup as dnsLookup } from 'node:dns';
import { connect as netConnect, isIP, type LookupFunction, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { networkError, stepError } from './failure.js';
import { tlsProblem } from './tls-problem.js';
import { bareHost, tlsOptions } from './tls-options.js';

export const CONNECT_MS = 10_000;
const ignore = () => {};

/**
 * Step 1, DNS: does the name resolve at all? An IP literal skips it. `lookup` is dns.lookup's shape, so a test can
 * send a made-up name to 127.0.0.1 and the same function serves net.connect afterwards.
 */
export function resolveHost(host: string, lookup: LookupFunction = dnsLookup): Promise<void> {
  const name = bareHost(host);
  if (isIP(name)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    lookup(name, { all: true }, (error) => {
      if (!error) return resolve();
      const code = String((error as { code?: unknown }).code ?? 'DNS');
      reject(stepError('DNS_FAILED', `The server name ${host} could not be found (DNS: ${code}).`, code));
    });
  });
}

/** Step 2, TCP: a connection to the port, or CONNECT_FAILED saying why (refused, unreachable, no answer). */
export function connectTcp(host: string, port: number, options: { lookup?: LookupFunction; timeoutMs?: number } = {}): Promise<Socket> {
  const timeoutMs = options.timeoutMs ?? CONNECT_MS;
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: bareHost(host), port, ...(options.lookup ? { lookup: options.lookup } : {}) });
    // Errors after this step are reported by whoever reads the socket; this keeps a late one from crashing the engine.
    socket.on('error', ignore);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(stepError('CONNECT_FAILED', `${host} port ${port} did not answer within ${timeoutMs / 1000} s.`, 'ETIMEDOUT'));
    }, timeoutMs);
    const onError = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      const code = String((error as { code?: unknown }).code ?? '');
      reject(networkError(error, host, port) ?? stepError('CONNECT_FAILED', `${host} port ${port} could not be reached: ${error.message}.`, code));
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

/**
 * Step 3, TLS on an open connection: right away for implicit TLS (RFC 8314), or after the server agreed to
 * STARTTLS/STLS. The certificate is always checked against `host`; a problem is a TLS_ERROR in plain words.
 */
export function upgradeToTls(socket: Socket, host: string, caCertPem?: string | null, timeoutMs = CONNECT_MS): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    // `host` is passed even though the socket is connected: without it Node checks the certificate of an IP-literal
    // server against the name "localhost".
    const secure = tlsConnect({ socket, host: bareHost(host), ...tlsOptions(host, caCertPem) });
    secure.on('error', ignore);
    const fail = (error: Error) => {
      clearTimeout(timer);
      secure.destroy();
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(stepError('TLS_ERROR', `The secure (TLS) handshake with ${host} did not finish within ${timeoutMs / 1000} s.`, 'TLS_TIMEOUT')),
      timeoutMs,
    );
    secure.once('error', (error: Error) => {
      const code = String((error as { code?: unknown }).code ?? '');
      fail(
        tlsProblem(error, host) ??
          stepError('TLS_ERROR', `${host} closed the connection during the secure (TLS) handshake; it may not speak TLS on this port.`, code || 'TLS_HANDSHAKE'),
      );
    });
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(secure);
    });
  });
}

/** Says goodbye politely but never waits long for the server to close its side. */
export function closeSoon(socket: Socket): void {
  socket.end();
  setTimeout(() => socket.destroy(), 1_000).unref();
}
