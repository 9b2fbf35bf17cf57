import Database from 'better-sqlite3';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src-shared/contract/client.js';
import type { Mailing } from '../../src-shared/contract/index.js';
import { startEngine, type Engine } from '../../src-main/engine/engine.js';
import type { Clock } from '../../src-main/engine/mailings/clock.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { dovecotTls, imapSettings, PASSWORD } from '../helpers/mail-accounts.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';
import { tempDir } from '../helpers/temp.js';

/** A clock the test moves: timers fire when it is moved past them, never on their own. */
function manualClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => now,
    after(ms, fn) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

let dovecot: Dovecot;
let smtp: SmtpReceiver;
const open: Engine[] = [];
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
  await smtp?.stop();
});

/** The app's engine (background: syncing, sending, running mailings) on a data folder, with the test's clock. */
async function appEngine(clock: Clock, dataDir = tempDir()) {
  const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined), background: true, clock });
  open.push(engine);
  const client = createClient(engine.transport());
  return { engine, client, api: client.api, dataDir };
}

async function setUp(api: Client['api'], engine: Engine, user: string, serverFilesSent = false) {
  smtp = await startSmtpReceiver({ user, pass: PASSWORD }, dovecotTls(dovecot));
  await api.agents.update({ id: engine.defaultAgentId, name: 'Jean Martin', email: 'jean@facteur.test', locale: 'fr' });
  await api.categories.create({ name: 'Promotions', direction: 'out', family: 'Ventes' });
  const account = await api.accounts.add({ name: 'Ventes', email: `${user}@facteur.test`, settings: { ...imapSettings(dovecot, user, smtp.port), serverFilesSent }, password: PASSWORD });
  const template = await api.templates.create({
    name: 'Offre de printemps',
    subject: 'Notre offre pour {{contact.firstName}}',
    greeting: '<p>{{greeting}}</p>',
    body: '<p>Voici notre offre de printemps.</p>',
    closing: '<p>{{agent.fullName}}</p>',
    category: 'Promotions',
  });
  return { account, template };
}

const handed = (m: Mailing) => m.queued + m.sent + m.failed;
const mailing = async (api: Client['api'], id: number) => (await api.mailings.get({ id })).mailing;
const settle = () => new Promise((r) => setTimeout(r, 400));

async function contacts(api: Client['api'], ...names: string[]) {
  const made = [];
  for (const name of names) made.push(await api.contacts.create({ firstName: name, lastName: 'Test', email: `${name.toLowerCase()}@client.test` }));
  return made;
}

describe('group mailings', () => {
  it('sends each contact a personalised copy, skips the blacklisted, the address-less and a repeated address, and files each copy under its contact', async () => {
    const clock = manualClock();
    const { api, engine, client } = await appEngine(clock);
    const { account, template } = await setUp(api, engine, 'alice');
    // Marie-Claire had Marie's address before she was deleted; restored, the two contacts share it.
    const marieBis = await api.contacts.create({ firstName: 'Marie-Claire', lastName: 'Lefèvre', email: 'marie@boulangerie.fr' });
    await api.contacts.delete({ id: marieBis.id });
    const marie = await api.contacts.create({ firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@boulangerie.fr' });
    await api.contacts.restore({ id: marieBis.id });
    const ion = await api.contacts.create({ firstName: 'Ion', lastName: 'Popescu', email: 'ion@exemplu.ro' });
    const ana = await api.contacts.create({ firstName: 'Ana', lastName: 'Ionescu', email: 'ana@firma.ro' });
    const paul = await api.contacts.create({ firstName: 'Paul', lastName: 'Durand' });
    await api.addresses.setBlacklisted({ address: 'ana@firma.ro', blacklisted: true });

    const progress: string[] = [];
    client.on('mailing.progress', (p) => progress.push(`${p.state} ${p.sent}/${p.total}`));

    const everyone = [marie, ion, ana, paul, marieBis].map((c) => ({ type: 'contact' as const, id: c.id }));
    const started = await api.mailings.create({ templateId: template.id, accountId: account.id, recipients: everyone, perMinute: 60 });
    expect(started).toMatchObject({ state: 'running', total: 5, skipped: 3, templateName: 'Offre de printemps', perMinute: 60 });

    const { recipients } = await api.mailings.get({ id: started.id });
    expect(recipients.map((r) => [r.name, r.address, r.state === 'skipped' ? r.reason : 'to send'])).toEqual([
      ['Marie Lefèvre', 'marie@boulangerie.fr', 'to send'],
      ['Ion Popescu', 'ion@exemplu.ro', 'to send'],
      ['Ana Ionescu', 'ana@firma.ro', 'blacklisted'],
      ['Paul Durand', null, 'no-address'],
      ['Marie-Claire Lefèvre', 'marie@boulangerie.fr', 'duplicate'],
    ]);

    clock.advance(1000);
    await expect.poll(async () => (await mailing(api, started.id)).state, { timeout: 20_000 }).toBe('done');
    expect(await mailing(api, started.id)).toMatchObject({ sent: 2, queued: 0, failed: 0, skipped: 3 });
    expect(progress.at(-1)).toBe('done 2/5');

    expect(smtp.received).toHaveLength(2);
    const copies = await Promise.all(smtp.received.map(async (r) => ({ to: r.to, mail: await simpleParser(r.raw) })));
    const byTo = new Map(copies.map((c) => [c.to.join(','), c.mail]));
    expect([...byTo.keys()].sort()).toEqual(['ion@exemplu.ro', 'marie@boulangerie.fr']);
    expect(byTo.get('marie@boulangerie.fr')!.subject).toBe('Notre offre pour Marie');
    expect(byTo.get('marie@boulangerie.fr')!.html).toContain('<p>Bonjour Marie,</p>');
    expect(byTo.get('marie@boulangerie.fr')!.text).toContain('Jean Martin');
    expect(byTo.get('ion@exemplu.ro')!.subject).toBe('Notre offre pour Ion');
    expect(byTo.get('ion@exemplu.ro')!.html).toContain('<p>Bonjour Ion,</p>');
    for (const c of copies) expect(c.mail.to).toMatchObject({ value: [{ address: c.to[0] }] });

    // Each copy is in its recipient's history, with the template's category, even Marie's shared address.
    const after = await api.mailings.get({ id: started.id });
    for (const [contact, r] of [[marie, after.recipients[0]!], [ion, after.recipients[1]!]] as const) {
      expect(r).toMatchObject({ state: 'sent', record: { type: 'contact', id: contact.id } });
      const history = await api.contacts.history({ id: contact.id });
      expect(history.items.map((m) => m.id)).toContain(r.messageId);
      expect((await api.messages.get({ id: r.messageId! })).category).toBe('Promotions');
    }

    // Nobody left to write to: refused, with the reasons.
    await expect(api.mailings.create({ templateId: template.id, accountId: account.id, recipients: [{ type: 'contact', id: ana.id }, { type: 'contact', id: paul.id }] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Nobody can receive this mailing: 1 has a blacklisted address, 1 has no usable address. Choose other recipients.',
    });
  });

  it('hands an account at most perMinute copies a minute: at 2 a minute the third waits for the second minute', async () => {
    const clock = manualClock();
    const { api, engine } = await appEngine(clock);
    // Like Gmail: the server files what it sends, so each copy leaves the store once sent; its recipient stays sent.
    const { account, template } = await setUp(api, engine, 'bob', true);
    const people = await contacts(api, 'Alain', 'Brigitte', 'Cosmin');
    const { id } = await api.mailings.create({ templateId: template.id, accountId: account.id, recipients: people.map((c) => ({ type: 'contact', id: c.id })), perMinute: 2 });

    await expect.poll(async () => handed(await mailing(api, id))).toBe(1);
    clock.advance(29_000);
    await settle();
    expect(handed(await mailing(api, id))).toBe(1);
    clock.advance(1_000);
    await expect.poll(async () => handed(await mailing(api, id))).toBe(2);
    clock.advance(29_999);
    await settle();
    expect(handed(await mailing(api, id))).toBe(2);
    clock.advance(1);
    await expect.poll(async () => (await mailing(api, id)).state, { timeout: 20_000 }).toBe('done');
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(['alain@client.test', 'brigitte@client.test', 'cosmin@client.test']);
    expect((await api.mailings.get({ id })).recipients.map((r) => [r.state, r.messageId])).toEqual([['sent', null], ['sent', null], ['sent', null]]);
  });

  it('pauses and resumes; a copy the server refuses fails with its words and the rest go; cancelling keeps the others from being sent', async () => {
    const clock = manualClock();
    const { api, engine } = await appEngine(clock);
    const { account, template } = await setUp(api, engine, 'carol');
    const people = await contacts(api, 'Denis', 'Elena', 'Florin', 'Gabriel');
    const { id } = await api.mailings.create({ templateId: template.id, accountId: account.id, recipients: people.map((c) => ({ type: 'contact', id: c.id })), perMinute: 60 });
    await expect.poll(async () => (await mailing(api, id)).sent, { timeout: 20_000 }).toBe(1);

    expect(await api.mailings.pause({ id })).toMatchObject({ state: 'paused' });
    clock.advance(10_000);
    await settle();
    expect(handed(await mailing(api, id))).toBe(1);

    smtp.faults.push({ kind: 'reject', code: 550, message: 'No such user here' });
    expect(await api.mailings.resume({ id })).toMatchObject({ state: 'running' });
    await expect.poll(async () => (await mailing(api, id)).failed, { timeout: 20_000 }).toBe(1);
    const { recipients } = await api.mailings.get({ id });
    expect(recipients[1]).toMatchObject({ name: 'Elena Test', state: 'failed', reason: 'send-failed' });
    expect((await api.outbox.list({})).items.find((m) => m.messageId === recipients[1]!.messageId)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('No such user here') });

    clock.advance(1_000);
    await expect.poll(async () => (await mailing(api, id)).sent, { timeout: 20_000 }).toBe(2);
    expect(await api.mailings.cancel({ id })).toMatchObject({ state: 'cancelled' });
    clock.advance(60_000);
    await settle();
    expect(await mailing(api, id)).toMatchObject({ state: 'cancelled', sent: 2, failed: 1, queued: 0 });
    expect(smtp.received.map((r) => r.to[0])).toEqual(['denis@client.test', 'florin@client.test']);
    await expect(api.mailings.resume({ id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('resumes after a restart where it was, at its rate, and never writes twice to someone whose copy was being built', async () => {
    const clock = manualClock();
    const dataDir = tempDir();
    let t = await appEngine(clock, dataDir);
    const { account, template } = await setUp(t.api, t.engine, 'dave');
    const people = await contacts(t.api, 'Horia', 'Irina', 'Jules');
    const { id } = await t.api.mailings.create({ templateId: template.id, accountId: account.id, recipients: people.map((c) => ({ type: 'contact', id: c.id })), perMinute: 2 });
    await expect.poll(async () => (await mailing(t.api, id)).sent, { timeout: 20_000 }).toBe(1);
    await t.engine.close();
    open.splice(open.indexOf(t.engine), 1);

    // As a crash in the middle of building Irina's copy leaves it: taken, never stored.
    const db = new Database(join(dataDir, 'facteur.sqlite'));
    db.prepare("UPDATE mailing_recipients SET state = 'queued' WHERE mailing_id = ? AND position = 1").run(id);
    db.close();

    clock.advance(10_000);
    t = await appEngine(clock, dataDir);
    await settle();
    expect(await mailing(t.api, id)).toMatchObject({ state: 'running', sent: 1, queued: 0 });
    clock.advance(20_000);
    await expect.poll(async () => (await mailing(t.api, id)).sent, { timeout: 20_000 }).toBe(2);
    clock.advance(30_000);
    await expect.poll(async () => (await mailing(t.api, id)).state, { timeout: 20_000 }).toBe('done');
    expect(smtp.received.map((r) => r.to[0])).toEqual(['horia@client.test', 'irina@client.test', 'jules@client.test']);
  });

  it('writes to a company\'s contacts, a lead and an agent, each by their own address', async () => {
    const clock = manualClock();
    const { api, engine } = await appEngine(clock);
    const { account, template } = await setUp(api, engine, 'erin');
    const company = await api.companies.create({ name: 'Atelier Dupuis' });
    const lucie = await api.contacts.create({ firstName: 'Lucie', lastName: 'Dupuis', email2: 'lucie@atelier.fr', companyId: company.id });
    const gone = await api.contacts.create({ firstName: 'Marc', lastName: 'Dupuis', email: 'marc@atelier.fr', companyId: company.id });
    await api.contacts.delete({ id: gone.id });
    const lead = await api.leads.create({ firstName: 'Nadia', lastName: 'Radu', email: 'nadia@startup.ro' });
    const { id } = await api.mailings.create({
      templateId: template.id,
      accountId: account.id,
      recipients: [{ type: 'company', id: company.id }, { type: 'lead', id: lead.id }, { type: 'agent', id: engine.defaultAgentId }],
      perMinute: 600,
    });
    // A copy every 100 ms of the clock.
    await expect.poll(async () => {
      clock.advance(100);
      return (await mailing(api, id)).state;
    }, { timeout: 20_000 }).toBe('done');
    const { recipients } = await api.mailings.get({ id });
    expect(recipients.map((r) => [r.record?.type ?? null, r.address, r.state])).toEqual([
      ['contact', 'lucie@atelier.fr', 'sent'],
      ['lead', 'nadia@startup.ro', 'sent'],
      [null, 'jean@facteur.test', 'sent'],
    ]);
    expect(recipients[0]!.record).toMatchObject({ id: lucie.id });
    const toNadia = smtp.received.find((r) => r.to[0] === 'nadia@startup.ro')!;
    expect((await simpleParser(toNadia.raw)).html).toContain('Bonjour Nadia,');
    const timeline = await api.records.timeline({ type: 'lead', id: lead.id });
    expect(timeline.items.flatMap((i) => (i.kind === 'message' ? [i.message.id] : []))).toContain(recipients[1]!.messageId);
  });
});

