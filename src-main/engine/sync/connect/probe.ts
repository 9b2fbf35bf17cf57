import type { LookupFunction, Socket } from 'node:net';
import type { Security } from '../../../../src-shared/domain/account-settings.js';
import { EngineError } from '../../errors.js';
import { dialogues, type MailProtocol } from './dialogues.js';
import { stepError, toFailure, type ConnectionResult } from './failure.js';
import { LineReader } from './line-reader.js';
import { closeSoon, connectTcp, resolveHost, upgradeToTls } from './sockets.js';
import { assertSecurityAllowed } from './tls-options.js';

export interface ProbeTarget {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: Security;
}

export interface ProbeOptions {
  caCertPem?: string | null;
  /** dns.lookup's shape; tests point made-up names at 127.0.0.1 with it. */
  lookup?: LookupFunction;
  timeoutMs?: number;
}

/**
 * Reaches a mail server step by step without logging in: DNS, TCP, TLS (implicit, or STARTTLS/STLS first), then
 * reads the capabilities the server offers over the secured connection. Used to verify discovered settings and as
 * the first half of "Test connection", so a failure names its step.
 */
export async function probeServer(target: ProbeTarget, options: ProbeOptions = {}): Promise<ConnectionResult> {
  try {
    return { ok: true, ...(await probe(target, options)) };
  } catch (error) {
    return toFailure(error, []);
  }
}

async function probe(target: ProbeTarget, options: ProbeOptions): Promise<{ capabilities: string[]; secure: boolean }> {
  assertSecurityAllowed(target);
  await resolveHost(target.host, options.lookup);
  let socket: Socket = await connectTcp(target.host, target.port, options);
  const where = `${target.host}:${target.port}`;
  try {
    if (target.security === 'tls') socket = await upgradeToTls(socket, target.host, options.caCertPem, options.timeoutMs);
    let reader = new LineReader(socket, where);
    const dialogue = dialogues[target.protocol];
    await greet(dialogue.greet(reader, target.security), target, where);
    if (target.security === 'starttls') {
      await dialogue.startTls(reader);
      if (reader.hasUnread()) {
        throw stepError('TLS_ERROR', `${where} sent data before the TLS handshake, which is how an attacker injects commands; refusing the connection.`, 'STARTTLS_INJECTION');
      }
      reader.detach();
      socket = await upgradeToTls(socket, target.host, options.caCertPem, options.timeoutMs);
      reader = new LineReader(socket, where);
    }
    const capabilities = await dialogue.capabilities(reader);
    dialogue.quit(reader);
    return { capabilities, secure: target.security !== 'none' };
  } finally {
    closeSoon(socket);
  }
}

/** A server that stays silent on a plain connection is usually waiting for a TLS handshake: say so. */
async function greet(greeting: Promise<void>, target: ProbeTarget, where: string): Promise<void> {
  try {
    await greeting;
  } catch (error) {
    const timedOut = error instanceof EngineError && (error.details as { detail?: string } | undefined)?.detail === 'TIMEOUT';
    if (!timedOut || target.security === 'tls') throw error;
    throw stepError('PROTOCOL_ERROR', `${where} sent no greeting; it may expect TLS from the first byte (choose TLS for this port).`, 'NO_GREETING');
  }
}
