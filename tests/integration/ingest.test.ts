import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../helpers/engine.js';
import { FRENCH_INVOICE, frenchInvoiceMessage, simpleMessage, TINY_PNG } from '../helpers/mail.js';

const b64 = (b: Buffer) => b.toString('base64');

describe('ingesting a message into Local Folders', () => {
  it('decodes ISO-8859-1 accents, an RFC 2231 attachment name and an inline image', async () => {
    const { api, engine } = await openTestEngine();
    const raw = frenchInvoiceMessage();
    const { id, duplicate, malformed } = await api.messages.ingest({ raw: b64(raw) });
    expect({ duplicate, malformed }).toEqual({ duplicate: false, malformed: false });

    const m = await api.messages.get({ id });
    expect(m.subject).toBe(FRENCH_INVOICE.subject);
    expect(m.from).toEqual({ name: FRENCH_INVOICE.fromName, address: 'renee@exemple.fr' });
    expect(m.to).toEqual([{ name: 'Céline Béranger', address: 'celine@facteur.test' }]);
    expect(m.cc).toEqual([{ name: 'Ana Ionescu', address: 'ana@exemplu.ro' }]);
    expect(m.folder).toBe('Local Folders/Inbox');
    expect(m.date).toBe('2026-11-10T08:30:00.000Z');
    expect(m.html).toContain('Voici la facture à régler, déjà envoyée à l\'équipe.');
    // The inline image is served from the message's own part, never fetched.
    expect(m.html).toContain(`data:image/png;base64,${TINY_PNG.toString('base64')}`);
    expect(m.html).not.toContain('cid:');
    const pdf = m.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf).toMatchObject({ filename: FRENCH_INVOICE.attachmentName, size: 6000, inline: false });
    expect(m.attachments.find((a) => a.inline)).toMatchObject({ filename: 'logo.png', contentId: 'logo@exemple.fr' });
    await engine.close();
  });

  it('keeps the exact raw source while storing each attachment once', async () => {
    const { api, engine, dataDir } = await openTestEngine();
    const attachment = Buffer.alloc(200_000);
    for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) % 256;
    const raw = frenchInvoiceMessage(attachment);
    const { id } = await api.messages.ingest({ raw: b64(raw) });
    const source = await api.messages.source({ id });
    expect(Buffer.from(source.raw, 'base64').equals(raw)).toBe(true);

    const blobBytes = readdirSync(join(dataDir, 'blobs'))
      .filter((d) => d.length === 2)
      .flatMap((d) => readdirSync(join(dataDir, 'blobs', d)).map((f) => readFileSync(join(dataDir, 'blobs', d, f)).length))
      .reduce((a, b) => a + b, 0);
    // The attachment is on disk once (200 kB), not a second time inside a 270 kB base64 copy of the raw message.
    expect(blobBytes).toBeLessThan(attachment.length + 10_000);
    await engine.close();
  });

  it('stores a truncated MIME message, flags it malformed and still shows what it could read', async () => {
    const { api, engine } = await openTestEngine();
    const whole = frenchInvoiceMessage();
    const truncated = whole.subarray(0, whole.indexOf('--outer--') - 500);
    const { id, malformed } = await api.messages.ingest({ raw: b64(truncated) });
    expect(malformed).toBe(true);
    const m = await api.messages.get({ id });
    expect(m.malformed).toBe(true);
    expect(m.malformedReason).toMatch(/truncated/);
    expect(m.subject).toBe(FRENCH_INVOICE.subject);
    const source = await api.messages.source({ id });
    expect(Buffer.from(source.raw, 'base64').equals(truncated)).toBe(true);
    await engine.close();
  });

  it('stores bytes that are not a message at all, flagged, rather than dropping them', async () => {
    const { api, engine } = await openTestEngine();
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x0a, 0x42]);
    const { id, malformed } = await api.messages.ingest({ raw: b64(garbage) });
    expect(malformed).toBe(true);
    const source = await api.messages.source({ id });
    expect(Buffer.from(source.raw, 'base64').equals(garbage)).toBe(true);
    await engine.close();
  });

  it('does not store the same bytes twice in one folder', async () => {
    const { api, engine } = await openTestEngine();
    const raw = simpleMessage(1);
    const first = await api.messages.ingest({ raw: b64(raw) });
    const second = await api.messages.ingest({ raw: b64(raw) });
    expect(second).toEqual({ ...first, duplicate: true });
    const inbox = (await api.folders.tree()).folders.find((f) => f.path === 'Local Folders/Inbox')!;
    expect(inbox).toMatchObject({ total: 1, unread: 1 });
    await engine.close();
  });

  it('threads a reply with its original, whichever arrives first', async () => {
    const { api, engine } = await openTestEngine();
    const reply = Buffer.from(
      'From: b@x.test\r\nTo: a@x.test\r\nSubject: Re: hello\r\nMessage-ID: <r1@x>\r\nIn-Reply-To: <o1@x>\r\nReferences: <o1@x>\r\n\r\nreply\r\n',
    );
    const original = Buffer.from('From: a@x.test\r\nTo: b@x.test\r\nSubject: hello\r\nMessage-ID: <o1@x>\r\n\r\noriginal\r\n');
    const r = await api.messages.ingest({ raw: b64(reply) });
    const o = await api.messages.ingest({ raw: b64(original) });
    const [rm, om] = await Promise.all([api.messages.get({ id: r.id }), api.messages.get({ id: o.id })]);
    expect(rm.threadId).toBe(om.threadId);
    await engine.close();
  });
});
