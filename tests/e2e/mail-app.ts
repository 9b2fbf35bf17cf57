import type { Client } from '../../src-shared/contract/client.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { dovecotTls, imapSettings, PASSWORD } from '../helpers/mail-accounts.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { fileTempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { connectClient } from './contract-socket.js';

/** The web host and a second client of it (changes made through `client` reach the page live). */
export interface ConnectedApp {
  dataDir: string;
  app: RunningApp;
  client: Client;
  stop(): Promise<void>;
}

/**
 * Starts the app on a data folder that lasts until the test file ends (a `beforeAll` app serves every test) and
 * connects a client; `beforeStart` fills the folder first (the CLI's ingest).
 */
export async function startConnectedApp(beforeStart?: (dataDir: string) => void): Promise<ConnectedApp> {
  const dataDir = fileTempDir();
  beforeStart?.(dataDir);
  const app = await startApp(dataDir);
  try {
    const socket = await connectClient(app);
    return {
      dataDir,
      app,
      client: socket.client,
      stop: async () => {
        socket.close();
        await app.stop();
      },
    };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

/** The app with a real IMAP server and an SMTP receiver behind it. */
export interface MailApp extends ConnectedApp {
  dovecot: Dovecot;
  smtp: SmtpReceiver;
  /** Adds `user`@facteur.test's account on the IMAP server, sending through the receiver (not synced yet). */
  addAccount(user: string): Promise<number>;
}

/** Dovecot, an SMTP receiver that takes `smtpUser`'s login, and the app (see startConnectedApp). */
export async function startMailApp(smtpUser: string, beforeStart?: (dataDir: string) => void): Promise<MailApp> {
  const dovecot = await startDovecot();
  let smtp: SmtpReceiver | undefined;
  try {
    smtp = await startSmtpReceiver({ user: smtpUser, pass: PASSWORD }, dovecotTls(dovecot));
    const running = await startConnectedApp(beforeStart);
    const receiver = smtp;
    return {
      ...running,
      dovecot,
      smtp: receiver,
      addAccount: async (user) =>
        (await running.client.api.accounts.add({ email: `${user}@facteur.test`, settings: imapSettings(dovecot, user, receiver.port), password: PASSWORD })).id,
      stop: async () => {
        await running.stop();
        await receiver.stop();
        await dovecot.stop();
      },
    };
  } catch (error) {
    await smtp?.stop();
    await dovecot.stop();
    throw error;
  }
}
