import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export type Fault = { kind: 'reject'; code: number; message: string } | { kind: 'hang' };

export interface SmtpReceiver {
  port: number;
  received: ReceivedMail[];
  /** The next DATA commands get these answers instead of being accepted, in order. */
  faults: Fault[];
  /** Resolves when a DATA transfer reaches the server (before it answers), for kill-during-send tests. */
  nextData(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on loopback: AUTH PLAIN/LOGIN, STARTTLS with its built-in certificate, and
 * scripted faults (transient 4xx, permanent 5xx, or no answer after DATA).
 */
export async function startSmtpReceiver(credentials = { user: 'alice', pass: 's3cret-pass' }, options: Partial<SMTPServerOptions> = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const faults: Fault[] = [];
  let dataWaiters: Array<() => void> = [];
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    disableReverseLookup: true,
    size: 50 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (auth.username === credentials.user && auth.password === credentials.pass) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        for (const w of dataWaiters.splice(0)) w();
        const fault = faults.shift();
        if (fault?.kind === 'hang') return; // never answers: the client is killed or times out
        if (fault?.kind === 'reject') return cb(Object.assign(new Error(fault.message), { responseCode: fault.code }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        cb(null);
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    faults,
    nextData: () => new Promise<void>((resolve) => dataWaiters.push(resolve)),
    stop: () =>
      new Promise<void>((resolve) => {
        dataWaiters = [];
        server.close(() => resolve());
      }),
  };
}
