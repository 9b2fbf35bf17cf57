import type { Security } from '../../../../src-shared/domain/account-settings.js';
import { stepError } from './failure.js';
import type { LineReader } from './line-reader.js';

export type MailProtocol = 'imap' | 'pop3' | 'smtp';

/** The few commands spoken before login: enough to reach TLS and read what the server offers, never to log in. */
export interface Dialogue {
  /** Reads the greeting; throws when the server refuses the connection or does not speak this protocol. */
  greet(r: LineReader, security: Security): Promise<void>;
  /** Asks for TLS; resolves once the server said to go ahead, throws TLS_ERROR when it does not offer it. */
  startTls(r: LineReader): Promise<void>;
  capabilities(r: LineReader): Promise<string[]>;
  quit(r: LineReader): void;
}

const READ_MS = 10_000;
const quote = (line: string) => JSON.stringify(line.slice(0, 120));
const notSpeaking = (r: LineReader, protocol: string, line: string) =>
  stepError('PROTOCOL_ERROR', `${r.where} does not answer like a${protocol === 'IMAP' ? 'n' : ''} ${protocol} server (it said ${quote(line)}).`, line.slice(0, 200));
const noStartTls = (r: LineReader, command: string) =>
  stepError('TLS_ERROR', `${r.where} does not offer ${command}, so the connection cannot be encrypted; choose TLS (or another port) instead.`, 'STARTTLS_UNAVAILABLE');

async function imapCommand(r: LineReader, tag: string, command: string) {
  r.write(`${tag} ${command}`);
  const untagged: string[] = [];
  for (;;) {
    const line = await r.next(READ_MS);
    if (line.startsWith(`${tag} `)) return { ok: /^OK\b/i.test(line.slice(tag.length + 1)), untagged };
    if (/^\* BYE\b/i.test(line)) throw stepError('CONNECT_FAILED', `${r.where} ended the session: ${line.slice(6)}`, line.slice(0, 200));
    untagged.push(line);
  }
}

/** RFC 3501 (IMAP4rev1) §7.1 greetings, §6.2.1 STARTTLS, §6.1.1 CAPABILITY. */
const imap: Dialogue = {
  async greet(r, security) {
    const line = await r.next(READ_MS);
    if (/^\* OK\b/i.test(line)) return;
    // PREAUTH skips the not-authenticated state, the only one where STARTTLS is allowed (§6.2.1): a required
    // upgrade is then impossible, and an attacker can send PREAUTH precisely to keep the session in clear text.
    if (/^\* PREAUTH\b/i.test(line)) {
      if (security === 'starttls') throw stepError('TLS_ERROR', `${r.where} greets with PREAUTH, so STARTTLS is impossible.`, 'PREAUTH');
      return;
    }
    if (/^\* BYE\b/i.test(line)) throw stepError('CONNECT_FAILED', `${r.where} refused the connection: ${line.slice(6)}`, line.slice(0, 200));
    throw notSpeaking(r, 'IMAP', line);
  },
  async startTls(r) {
    if (!(await imapCommand(r, 'T1', 'STARTTLS')).ok) throw noStartTls(r, 'STARTTLS');
  },
  async capabilities(r) {
    const answer = await imapCommand(r, 'C1', 'CAPABILITY');
    const line = answer.untagged.find((l) => /^\* CAPABILITY /i.test(l));
    if (!answer.ok || !line) throw stepError('PROTOCOL_ERROR', `${r.where} did not list its capabilities.`, 'NO_CAPABILITY');
    return line.slice('* CAPABILITY '.length).trim().split(/\s+/);
  },
  quit: (r) => r.write('Q1 LOGOUT'),
};

async function popCommand(r: LineReader, command: string) {
  r.write(command);
  const line = await r.next(READ_MS);
  if (/^\+OK\b/i.test(line)) return true;
  if (/^-ERR\b/i.test(line)) return false;
  throw notSpeaking(r, 'POP3', line);
}

/** RFC 1939 (POP3) greeting, RFC 2595 §4 STLS, RFC 2449 CAPA. */
const pop3: Dialogue = {
  async greet(r) {
    const line = await r.next(READ_MS);
    if (/^\+OK\b/i.test(line)) return;
    if (/^-ERR\b/i.test(line)) throw stepError('CONNECT_FAILED', `${r.where} refused the connection: ${line.slice(5)}`, line.slice(0, 200));
    throw notSpeaking(r, 'POP3', line);
  },
  async startTls(r) {
    if (!(await popCommand(r, 'STLS'))) throw noStartTls(r, 'STLS (STARTTLS for POP3)');
  },
  async capabilities(r) {
    // A server without CAPA (RFC 1939 only) answers -ERR: it may still support UIDL, which a login then probes.
    if (!(await popCommand(r, 'CAPA'))) return [];
    const lines: string[] = [];
    for (let line = await r.next(READ_MS); line !== '.'; line = await r.next(READ_MS)) {
      lines.push(line.startsWith('..') ? line.slice(1) : line);
    }
    return lines;
  },
  quit: (r) => r.write('QUIT'),
};

async function smtpReply(r: LineReader) {
  const lines: string[] = [];
  for (;;) {
    const line = await r.next(READ_MS);
    const m = /^(\d{3})(?:([ -])(.*))?$/.exec(line);
    if (!m) throw notSpeaking(r, 'SMTP', line);
    lines.push(m[3] ?? '');
    if (m[2] !== '-') return { code: Number(m[1]), lines };
  }
}

async function ehlo(r: LineReader): Promise<string[]> {
  // An address literal is a valid EHLO argument (RFC 5321 §4.1.4) and tells the server nothing about this computer.
  r.write('EHLO [127.0.0.1]');
  const reply = await smtpReply(r);
  if (reply.code !== 250) throw stepError('PROTOCOL_ERROR', `${r.where} refused EHLO (${reply.code} ${reply.lines.join(' ')}).`, String(reply.code));
  return reply.lines.slice(1);
}

/** RFC 5321 §3.1 greeting and §4.1.1.1 EHLO, RFC 3207 STARTTLS (EHLO again afterwards, §4.2). */
const smtp: Dialogue = {
  async greet(r) {
    const reply = await smtpReply(r);
    if (reply.code === 220) return;
    if (reply.code === 554 || reply.code === 421) {
      throw stepError('CONNECT_FAILED', `${r.where} refused the connection: ${reply.lines.join(' ')}`, String(reply.code));
    }
    throw notSpeaking(r, 'SMTP', `${reply.code} ${reply.lines.join(' ')}`);
  },
  async startTls(r) {
    if (!(await ehlo(r)).some((k) => /^STARTTLS\b/i.test(k))) throw noStartTls(r, 'STARTTLS');
    r.write('STARTTLS');
    if ((await smtpReply(r)).code !== 220) throw noStartTls(r, 'STARTTLS');
  },
  capabilities: ehlo,
  quit: (r) => r.write('QUIT'),
};

export const dialogues: Record<MailProtocol, Dialogue> = { imap, pop3, smtp };
