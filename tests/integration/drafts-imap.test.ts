import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src-shared/contract/index.js';
import { emptyDraft } from '../../src-shared/domain/empty-draft.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { openTestEngine } from '../helpers/engine.js';
import { accountFolder, addImapAccount, otherClient } from '../helpers/mail-accounts.js';
import { tempDir } from '../helpers/temp.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

function draftFor(accountId: number, subject: string): Draft {
  return {
    ...emptyDraft(accountId),
    to: [{ name: 'Hélène Moreau', address: 'helene@exemple.fr' }],
    subject,
    text: 'Bonjour Hélène,\n\nJe vous confirme la livraison de jeudi.\n',
    plainText: true,
  };
}

/** What another mail client sees in the server's Drafts: subjects and whether each carries \Draft. */
async function serverDrafts(user: string): Promise<Array<{ subject: string; draft: boolean }>> {
  const other = await otherClient(dovecot, user);
  try {
    const box = await other.mailboxOpen('Drafts');
    if (box.exists === 0) return [];
    const found: Array<{ subject: string; draft: boolean }> = [];
    for await (const m of other.fetch('1:*', { envelope: true, flags: true })) found.push({ subject: m.envelope?.subject ?? '', draft: m.flags?.has('\\Draft') ?? false });
    return found;
  } finally {
    await other.logout();
  }
}

describe('drafts of an IMAP account', () => {
  it('keeps one copy in the server\'s Drafts, replaced as the draft changes and removed with it', async () => {
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await addImapAccount(t.api, dovecot, 'erin');
    await t.api.sync.run({ accountId: account.id });
    const { id } = await t.api.drafts.save({ draft: draftFor(account.id, 'Livraison de jeudi') });
    const drafts = await accountFolder(t.api, account.id, 'Drafts');
    await expect.poll(async () => (await t.api.messages.list({ folderId: drafts.id })).total, { timeout: 10_000 }).toBe(1);
    await t.api.sync.run({ accountId: account.id });
    expect(await serverDrafts('erin')).toEqual([{ subject: 'Livraison de jeudi', draft: true }]);

    // Changed, then the app quits before the coalesced copy is due: closing writes it.
    await t.api.drafts.save({ id, draft: draftFor(account.id, 'Livraison de jeudi — horaires') });
    await t.engine.close();
    t = await openTestEngine(data);
    await t.api.sync.run({ accountId: account.id });
    expect(await serverDrafts('erin')).toEqual([{ subject: 'Livraison de jeudi — horaires', draft: true }]);
    expect((await t.api.messages.list({ folderId: drafts.id })).items.map((m) => m.subject)).toEqual(['Livraison de jeudi — horaires']);

    expect(await t.api.drafts.delete({ id })).toEqual({ deleted: true });
    await t.api.sync.run({ accountId: account.id });
    expect(await serverDrafts('erin')).toEqual([]);
    expect((await t.api.messages.list({ folderId: drafts.id })).total).toBe(0);
    await t.engine.close();
  });

  it('replaces a copy that never reached the server without uploading it, and reports no conflict', async () => {
    const data = tempDir();
    let t = await openTestEngine(data);
    const account = await addImapAccount(t.api, dovecot, 'frank');
    await t.api.sync.run({ accountId: account.id });
    const drafts = await accountFolder(t.api, account.id, 'Drafts');
    const { id } = await t.api.drafts.save({ draft: draftFor(account.id, 'Version 1') });
    await expect.poll(async () => (await t.api.messages.list({ folderId: drafts.id })).items.map((m) => m.subject), { timeout: 10_000 }).toEqual(['Version 1']);
    // No sync between the two copies: the first one's upload is still queued when the second replaces it.
    await t.api.drafts.save({ id, draft: draftFor(account.id, 'Version 2') });
    await t.engine.close();

    t = await openTestEngine(data);
    const conflicts: string[] = [];
    t.engine.subscribe((event, payload) => {
      const error = event === 'sync.progress' ? (payload as { error: { message: string } | null }).error : null;
      if (error) conflicts.push(error.message);
    });
    const [summary] = (await t.api.sync.run({ accountId: account.id })).accounts;
    expect(summary!.error).toBeNull();
    expect(conflicts).toEqual([]);
    expect(await serverDrafts('frank')).toEqual([{ subject: 'Version 2', draft: true }]);
    await t.engine.close();
  });
});
