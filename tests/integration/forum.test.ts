import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../src-shared/contract/client.js';
import type { ConversationNode } from '../../src-shared/contract/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';
import { openTestEngine, type TestEngine } from '../helpers/engine.js';
import { deliveryReport, isoAt, mail, readReceipt, threadIndex } from '../helpers/thread-mail.js';

/**
 * The forum view: given the messages of a conversation spread over folders and accounts, when an agent opens the
 * conversation of any one of them, then it sees the same tree — replies under what they answer, receipts and
 * delivery reports under their original, placeholders for what is missing — limited to what it may see.
 */

let t: TestEngine | undefined;

afterEach(async () => {
  await t?.engine.close();
  t = undefined;
});

type Api = Client['api'];

async function ingest(api: Api, raw: Buffer, folder: string | number = 'Local Folders/Inbox'): Promise<number> {
  return (await api.messages.ingest({ folder, raw: raw.toString('base64') })).id;
}

/** The tree as indented lines: "subject" for messages, "receipt: …"/"delivery-report: …", "(missing <id>)". */
function shape(nodes: ConversationNode[]): string[] {
  return nodes.map((n) => {
    const what = n.kind === 'missing'
      ? `(missing${n.messageId ? ` <${n.messageId}>` : ''})`
      : `${n.kind === 'message' ? '' : `${n.kind}: `}${n.contentHidden ? '(hidden)' : n.subject}`;
    return `${'  '.repeat(n.depth)}${what}`;
  });
}

async function tree(api: Api, id: number): Promise<string[]> {
  return shape((await api.threads.conversation({ messageId: id })).nodes);
}

function node(nodes: ConversationNode[], subject: string): ConversationNode {
  const found = nodes.find((n) => n.subject === subject);
  if (!found) throw new Error(`No node "${subject}" in ${JSON.stringify(shape(nodes))}`);
  return found;
}

/** Accounts come from the sync engine's commands; here rows are seeded directly, as in access.test.ts. */
function seedAccount(dataDir: string, name: string, agentIds: number[] = []): number {
  const db = new Database(`${dataDir}/facteur.sqlite`);
  try {
    const account = (db.prepare('INSERT INTO accounts (name, email) VALUES (?, ?) RETURNING id').get(name, `${name.toLowerCase()}@facteur.test`) as { id: number }).id;
    for (const agent of agentIds) db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(account, agent);
    return (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id").get(account) as { id: number }).id;
  } finally {
    db.close();
  }
}

describe('the forum view of a conversation', () => {
  it('threads replies by References, and by In-Reply-To alone, the same from whichever message it is opened', async () => {
    t = await openTestEngine();
    const { api } = t;
    const a = await ingest(api, mail({ id: 'a@x', subject: 'Devis cuisine', minute: 0 }), 'Local Folders/Sent');
    const b = await ingest(api, mail({ id: 'b@x', subject: 'Re: Devis cuisine', minute: 10, references: ['a@x'], inReplyTo: 'a@x' }));
    const c = await ingest(api, mail({ id: 'c@x', subject: 'Re: Re: Devis cuisine (In-Reply-To)', minute: 20, inReplyTo: 'b@x' }));
    const d = await ingest(api, mail({ id: 'd@x', subject: 'Re: Re: Devis cuisine (References)', minute: 30, references: ['a@x', 'b@x'] }));
    await ingest(api, mail({ id: 'other@x', subject: 'Devis salle de bain', minute: 5 }));

    const expected = [
      'Devis cuisine',
      '  Re: Devis cuisine',
      '    Re: Re: Devis cuisine (In-Reply-To)',
      '    Re: Re: Devis cuisine (References)',
    ];
    for (const id of [a, b, c, d]) expect(await tree(api, id)).toEqual(expected);

    const { nodes, messageId } = await api.threads.conversation({ messageId: c });
    expect(messageId).toBe(c);
    expect(nodes.map((n) => [n.id, n.parentKey, n.linkedBy])).toEqual([
      [a, null, null],
      [b, `m:${a}`, 'references'],
      [c, `m:${b}`, 'references'],
      [d, `m:${b}`, 'references'],
    ]);
    expect(nodes[0]).toMatchObject({
      kind: 'message',
      messageId: 'a@x',
      from: { name: 'Renée Façade', address: 'renee@exemple.fr' },
      date: isoAt(0),
      direction: 'out',
      folder: 'Local Folders/Sent',
      account: null,
      seen: true,
    });
    expect(nodes[1]).toMatchObject({ direction: 'in', folder: 'Local Folders/Inbox', seen: false });
  });

  it('shows a placeholder for a parent not yet arrived, and the parent in its place once it comes', async () => {
    t = await openTestEngine();
    const { api } = t;
    const reply = await ingest(api, mail({ id: 'r@x', subject: 'Re: Livraison', minute: 30, references: ['root@x', 'mid@x'], inReplyTo: 'mid@x' }));
    // Two missing generations are one placeholder: the nearest one the reply names.
    expect(await tree(api, reply)).toEqual(['(missing <mid@x>)', '  Re: Livraison']);

    const root = await ingest(api, mail({ id: 'root@x', subject: 'Livraison', minute: 0 }));
    expect(await tree(api, reply)).toEqual(['Livraison', '  (missing <mid@x>)', '    Re: Livraison']);

    await ingest(api, mail({ id: 'mid@x', subject: 'Re: Livraison (mid)', minute: 10, references: ['root@x'] }));
    expect(await tree(api, root)).toEqual(['Livraison', '  Re: Livraison (mid)', '    Re: Livraison']);
  });

  it("threads Outlook's messages by Thread-Index when they carry no References", async () => {
    t = await openTestEngine();
    const { api } = t;
    const first = await ingest(api, mail({ id: 'o1@x', subject: 'Réunion lundi', minute: 0, threadIndex: threadIndex(1) }));
    await ingest(api, mail({ id: 'o2@x', subject: 'RE: Réunion lundi', minute: 10, threadIndex: threadIndex(1, 1) }));
    await ingest(api, mail({ id: 'o3@x', subject: 'RE: Réunion lundi (à o2)', minute: 20, threadIndex: threadIndex(1, 1, 2) }));
    await ingest(api, mail({ id: 'o4@x', subject: 'RE: Réunion lundi (autre)', minute: 15, threadIndex: threadIndex(1, 3) }));
    // Its parent (generation 4) never reached us: a placeholder stands in for it.
    const orphan = await ingest(api, mail({ id: 'o5@x', subject: 'RE: Réunion lundi (orpheline)', minute: 40, threadIndex: threadIndex(1, 4, 5) }));
    // Another conversation with its own index stays out.
    await ingest(api, mail({ id: 'p1@x', subject: 'RE: Réunion lundi', minute: 12, threadIndex: threadIndex(2, 1) }));

    const expected = [
      'Réunion lundi',
      '  RE: Réunion lundi',
      '    RE: Réunion lundi (à o2)',
      '  RE: Réunion lundi (autre)',
      '  (missing)',
      '    RE: Réunion lundi (orpheline)',
    ];
    expect(await tree(api, first)).toEqual(expected);
    expect(await tree(api, orphan)).toEqual(expected);
    const { nodes } = await api.threads.conversation({ messageId: first });
    expect(nodes.filter((n) => n.depth > 0).map((n) => n.linkedBy)).toEqual(['thread-index', 'thread-index', 'thread-index', 'thread-index', 'thread-index']);
  });

  it('groups by subject only messages with no key at all, and never two that are not replies', async () => {
    t = await openTestEngine();
    const { api } = t;
    const first = await ingest(api, mail({ id: 's1@x', subject: 'Projet Alpha', minute: 0 }));
    const keyless = await ingest(api, mail({ id: 's2@x', subject: 'RE : Projet Alpha', minute: 10 }));
    // A reply that names its parent is threaded by that, even a parent we do not have, not by its subject.
    await ingest(api, mail({ id: 's3@x', subject: 'Re: Projet Alpha', minute: 20, inReplyTo: 'elsewhere@x' }));
    // A second, unrelated "Projet Alpha" and a keyless reply that came after it.
    const second = await ingest(api, mail({ id: 's4@x', subject: 'Projet alpha', minute: 60 }));
    await ingest(api, mail({ id: 's5@x', subject: 'Re: TR: Projet Alpha', minute: 70 }));

    expect(await tree(api, first)).toEqual(['Projet Alpha', '  RE : Projet Alpha']);
    expect(await tree(api, keyless)).toEqual(['Projet Alpha', '  RE : Projet Alpha']);
    expect(await tree(api, second)).toEqual(['Projet alpha', '  Re: TR: Projet Alpha']);
    const { nodes } = await api.threads.conversation({ messageId: keyless });
    expect(node(nodes, 'RE : Projet Alpha').linkedBy).toBe('subject');
  });

  it('puts read receipts and delivery reports under the message they report on', async () => {
    t = await openTestEngine();
    const { api } = t;
    // The bounce arrives before its original is stored (say, sent from another client and filed later).
    await ingest(api, deliveryReport({ id: 'dsn1@mx', original: 'devis@facteur.test', minute: 5, returned: 'message' }));
    const original = await ingest(api, mail({ id: 'devis@facteur.test', subject: 'Devis', minute: 0, from: 'Contact <contact@facteur.test>' }), 'Local Folders/Sent');
    await ingest(api, readReceipt({ id: 'mdn1@exemplu.ro', original: 'devis@facteur.test', minute: 30 }));
    await ingest(api, deliveryReport({ id: 'dsn2@mx', original: 'devis@facteur.test', minute: 6, returned: 'headers' }));
    const reply = await ingest(api, mail({ id: 'reply@exemplu.ro', subject: 'Re: Devis', minute: 40, references: ['devis@facteur.test'] }));
    // A receipt for a message we do not have hangs under a placeholder for it.
    const lone = await ingest(api, readReceipt({ id: 'mdn2@exemplu.ro', original: 'ghost@facteur.test', minute: 50, withInReplyTo: true }));

    const { nodes } = await api.threads.conversation({ messageId: reply });
    expect(shape(nodes)).toEqual([
      'Devis',
      '  delivery-report: Undelivered Mail Returned to Sender',
      '  delivery-report: Undelivered Mail Returned to Sender',
      '  receipt: Confirmare de citire',
      '  Re: Devis',
    ]);
    expect(nodes.filter((n) => n.kind !== 'message').every((n) => n.parentKey === `m:${original}` && n.linkedBy === 'report')).toBe(true);
    expect(await tree(api, lone)).toEqual(['(missing <ghost@facteur.test>)', '  receipt: Confirmare de citire']);
  });

  it('gathers a conversation across accounts and folders, naming each one', async () => {
    t = await openTestEngine();
    const { api, dataDir } = t;
    const contactInbox = seedAccount(dataDir, 'Contact');
    const supportInbox = seedAccount(dataDir, 'Support');
    const question = await ingest(api, mail({ id: 'q@client.fr', subject: 'Facture 42', minute: 0 }), contactInbox);
    await ingest(api, mail({ id: 'fwd@facteur.test', subject: 'TR: Facture 42', minute: 10, references: ['q@client.fr'], from: 'Céline <celine@facteur.test>' }), 'Local Folders/Sent');
    // The same forwarded message also reached the support account: both copies are shown, where each lies.
    await ingest(api, mail({ id: 'fwd@facteur.test', subject: 'TR: Facture 42', minute: 10, references: ['q@client.fr'], from: 'Céline <celine@facteur.test>' }), supportInbox);
    const answer = await ingest(api, mail({ id: 'ans@facteur.test', subject: 'Re: TR: Facture 42', minute: 20, references: ['q@client.fr', 'fwd@facteur.test'] }), supportInbox);

    const { nodes } = await api.threads.conversation({ messageId: answer });
    expect(nodes.map((n) => [n.depth, n.subject, n.folder, n.account])).toEqual([
      [0, 'Facture 42', 'Contact/INBOX', 'Contact'],
      [1, 'TR: Facture 42', 'Local Folders/Sent', null],
      [2, 'Re: TR: Facture 42', 'Support/INBOX', 'Support'],
      [1, 'TR: Facture 42', 'Support/INBOX', 'Support'],
    ]);
    expect(nodes[0]!.id).toBe(question);
  });

  it("leaves out a colleague's private account, and hides private content as messages.list does", async () => {
    t = await openTestEngine();
    const { api, engine, dataDir } = t;
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const asIoana = createClient(engine.transport(ioana.id)).api;
    const mine = seedAccount(dataDir, 'Céline', [engine.defaultAgentId]);
    const shared = seedAccount(dataDir, 'Contact');
    const root = await ingest(api, mail({ id: 'p-root@x', subject: 'Contrat', minute: 0 }), shared);
    const hidden = await ingest(api, mail({ id: 'p-mine@x', subject: 'Re: Contrat (compte privé)', minute: 10, references: ['p-root@x'] }), mine);
    const after = await ingest(api, mail({ id: 'p-after@x', subject: 'Re: Re: Contrat', minute: 20, references: ['p-root@x', 'p-mine@x'] }), shared);
    const secret = await ingest(api, mail({ id: 'p-secret@x', subject: 'Re: Contrat (privé)', minute: 30, references: ['p-root@x'] }), shared);
    // A private reply with no key would join by its subject, which would tell its subject: not for Ioana.
    const keyless = await ingest(api, mail({ id: 'p-keyless@x', subject: 'RE: Contrat', minute: 40 }), shared);
    const db = new Database(`${dataDir}/facteur.sqlite`);
    db.prepare('UPDATE messages SET private = 1, owner_agent_id = ? WHERE id IN (?, ?)').run(engine.defaultAgentId, secret, keyless);
    db.close();

    expect(await tree(api, root)).toEqual(['Contrat', '  Re: Contrat (compte privé)', '    Re: Re: Contrat', '  Re: Contrat (privé)', '  RE: Contrat']);
    expect(await tree(asIoana, keyless)).toEqual(['(hidden)']);
    // Ioana sees neither the message in Céline's account (only the gap its reply points at) nor the private content.
    expect(await tree(asIoana, after)).toEqual(['Contrat', '  (missing <p-mine@x>)', '    Re: Re: Contrat', '  (hidden)']);
    await expect(asIoana.threads.conversation({ messageId: hidden })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const seenByIoana = (await asIoana.threads.conversation({ messageId: root })).nodes.find((n) => n.id === secret)!;
    const listed = (await asIoana.messages.list({ folderId: shared })).items.find((m) => m.id === secret)!;
    expect(seenByIoana).toMatchObject({ subject: listed.subject, from: listed.from, private: true, contentHidden: true });
    expect(listed.subject).toBe('');
    expect((await api.threads.conversation({ messageId: root })).nodes.find((n) => n.id === secret)).toMatchObject({
      subject: 'Re: Contrat (privé)',
      private: true,
      contentHidden: false,
    });
  });

  it('survives References that loop, and refuses ids that are not messages', async () => {
    t = await openTestEngine();
    const { api } = t;
    const one = await ingest(api, mail({ id: 'l1@x', subject: 'Boucle 1', minute: 0, references: ['l2@x'] }));
    await ingest(api, mail({ id: 'l2@x', subject: 'Boucle 2', minute: 10, references: ['l1@x'] }));
    const nodes = (await api.threads.conversation({ messageId: one })).nodes;
    expect(nodes.map((n) => n.subject).sort()).toEqual(['Boucle 1', 'Boucle 2']);
    expect(nodes.filter((n) => n.depth === 0)).toHaveLength(1);

    await expect(api.threads.conversation({ messageId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.threads.conversation({ messageId: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('prints the tree from the command line', async () => {
    t = await openTestEngine();
    const { api, dataDir } = t;
    const root = await ingest(api, mail({ id: 'cli1@x', subject: 'Commande 7', minute: 0 }));
    const reply = await ingest(api, mail({ id: 'cli2@x', subject: 'Re: Commande 7', minute: 5, references: ['cli1@x'] }));
    await ingest(api, readReceipt({ id: 'cli3@x', original: 'cli1@x', minute: 9 }));
    await t.engine.close();
    t = undefined;

    const out = runCli(dataDir, ['thread', String(reply)]);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^  \\s*${root}  2026-11-10 09:00  Renée Façade <renee@exemple.fr>  Commande 7  \\[Local Folders/Inbox\\]$`));
    expect(lines[1]).toMatch(new RegExp(`^>   \\s*${reply}  2026-11-10 09:05 .* Re: Commande 7 `));
    expect(lines[2]).toMatch(/^ {4}\[read receipt\]\s+\d+ .* Confirmare de citire/);
    expect(lines.at(-1)).toBe('3 messages in the conversation.');
    const json = runCliJson<{ nodes: ConversationNode[] }>(dataDir, ['thread', String(root)]);
    expect(shape(json.nodes)).toEqual(['Commande 7', '  Re: Commande 7', '  receipt: Confirmare de citire']);
    expect(runCli(dataDir, ['thread', 'abc']).code).toBe(2);
  });
});
