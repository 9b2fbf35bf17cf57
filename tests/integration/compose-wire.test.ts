import { afterEach, describe, expect, it } from 'vitest';
import { bannerPng } from '../helpers/attachment-mail.js';
import { sendingAccount, startPlainSmtp } from '../helpers/compose-accounts.js';
import { openTestEngine } from '../helpers/engine.js';
import { FRENCH_INVOICE, frenchInvoiceMessage } from '../helpers/mail.js';
import { leaves, parseWithPython, shape } from '../helpers/python-email.js';
import type { SmtpReceiver } from '../helpers/smtp-receiver.js';

let smtp: SmtpReceiver | undefined;
afterEach(async () => smtp?.stop());

const sha256 = async (bytes: Buffer) => (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');

describe('a message written in Facteur, as it arrives', () => {
  it('carries accented names and subject, the HTML with its pictures as cid parts, a faithful text part, the file and the receipt request; Bcc only in the sent copy', async () => {
    smtp = await startPlainSmtp('stefan');
    const { api } = await openTestEngine();
    const account = await sendingAccount(api, smtp, 'stefan', { name: 'Ștefan Țurcanu' });
    const logo = bannerPng(40, 20);
    const plan = bannerPng(64, 32);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30_000, 0x41)]);
    const uploaded = await api.compose.upload({ filename: 'Devis n°42 — Chantier Brașov.pdf', contentType: 'application/pdf', data: pdf.toString('base64') });
    expect(uploaded).toMatchObject({ kind: 'blob', filename: 'Devis n°42 — Chantier Brașov.pdf', size: pdf.length });

    const { draft } = await api.compose.start({});
    const subject = 'Devis réparation — întâlnire mâine à 14h';
    const sent = await api.compose.send({
      draft: {
        ...draft,
        accountId: account.id,
        to: [{ name: 'Élodie Lefèvre', address: 'elodie@exemple.fr' }],
        cc: [{ name: 'Ioana Dumitrescu', address: 'ioana@firma.ro' }],
        bcc: [{ name: '', address: 'archive@facteur.test' }],
        subject,
        html: [
          '<p>Bonjour Élodie,</p>',
          '<p>Voici le devis <b>signé</b> pour le chantier de Brașov.</p>',
          `<p><img src="data:image/png;base64,${logo.toString('base64')}" alt="Logo"> <img src="data:image/png;base64,${logo.toString('base64')}" alt="Logo encore"></p>`,
          `<p><img src="data:image/png;base64,${plan.toString('base64')}" alt="Plan"></p>`,
          '<script>alert("x")</script>',
          '<p onclick="steal()">Cliquez <a href="javascript:alert(1)">ici</a> ou sur <a href="https://exemple.fr/devis/42">le devis en ligne</a>.</p>',
        ].join('\n'),
        attachments: [uploaded],
        readReceipt: true,
      },
    });
    expect(sent.messageIdHeader).toMatch(/^<[^@>]+@facteur\.test>$/);
    expect(sent.sendAt).toBeNull();

    expect(await api.outbox.send({ accountId: account.id })).toEqual({ sent: 1, failed: 0, unknown: 0, queued: 0 });
    const [wire] = smtp.received;
    expect(wire!.to.sort()).toEqual(['archive@facteur.test', 'elodie@exemple.fr', 'ioana@firma.ro']);
    const mail = parseWithPython(wire!.raw);
    expect(mail.defects).toEqual([]);
    // Headers travel as 7-bit ASCII (RFC 2047 encoded words) and read back as written.
    expect([...mail.rawHeaders].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(mail.rawHeaders).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(mail.headers.from).toEqual(['Ștefan Țurcanu <stefan@facteur.test>']);
    expect(mail.headers.to).toEqual(['Élodie Lefèvre <elodie@exemple.fr>']);
    expect(mail.headers.cc).toEqual(['Ioana Dumitrescu <ioana@firma.ro>']);
    expect(mail.headers.subject).toEqual([subject]);
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.headers['message-id']).toEqual([sent.messageIdHeader]);
    expect(mail.headers['disposition-notification-to']).toEqual(['stefan@facteur.test']);

    expect(shape(mail.tree)).toEqual({
      'multipart/mixed': [{ 'multipart/alternative': ['text/plain', { 'multipart/related': ['text/html', 'image/png', 'image/png'] }] }, 'application/pdf'],
    });
    const [text, html, logoPart, planPart, file] = leaves(mail.tree);
    // The same picture twice is one part; each part is the picture pasted, byte for byte.
    expect([logoPart!.sha256, planPart!.sha256]).toEqual([await sha256(logo), await sha256(plan)]);
    const cids = [logoPart!, planPart!].map((p) => p.contentId!.replace(/^<|>$/g, ''));
    expect(html!.text!.match(/src="cid:[^"]+"/g)).toEqual([`src="cid:${cids[0]}"`, `src="cid:${cids[0]}"`, `src="cid:${cids[1]}"`]);
    expect(html!.text).not.toMatch(/script|javascript:|onclick|data:/i);
    expect(html!.text).toContain('<a href="https://exemple.fr/devis/42">le devis en ligne</a>');
    expect(html!.charset).toBe('utf-8');
    expect(text!.text).toContain('Bonjour Élodie,');
    expect(text!.text).toContain('Voici le devis signé pour le chantier de Brașov.');
    expect(text!.text).toContain('[Logo] [Logo encore]');
    expect(text!.text).toContain('le devis en ligne <https://exemple.fr/devis/42>');
    expect(text!.text).not.toMatch(/alert|base64|iVBOR/);
    expect(file).toMatchObject({ disposition: 'attachment', filename: 'Devis n°42 — Chantier Brașov.pdf', sha256: await sha256(pdf) });

    // The sent copy (filed in Sent) keeps the Bcc: the sender's record of who got it.
    const stored = await api.messages.get({ id: sent.messageId });
    expect(stored.folder).toMatch(/Sent$/);
    expect(stored.bcc).toEqual([{ name: '', address: 'archive@facteur.test' }]);
    const copy = parseWithPython(Buffer.from((await api.messages.source({ id: sent.messageId })).raw, 'base64'));
    expect(copy.headers.bcc).toEqual(['archive@facteur.test']);
    expect(copy.headers['message-id']).toEqual([sent.messageIdHeader]);
  });

  it('sends plain text alone, and every kind of file: an upload, a CRM document, a stored message\'s attachment and a whole message', async () => {
    smtp = await startPlainSmtp('celine');
    const { api } = await openTestEngine();
    const account = await sendingAccount(api, smtp, 'celine', { name: 'Céline Béranger' });
    const invoicePdf = Buffer.alloc(6000, 0x25);
    const original = await api.messages.ingest({ raw: frenchInvoiceMessage(invoicePdf).toString('base64') });
    const invoice = (await api.messages.get({ id: original.id })).attachments.find((a) => a.contentType === 'application/pdf')!;
    const contact = await api.contacts.create({ firstName: 'Șerban', lastName: 'Ionescu', email: 'serban@firma.ro' });
    const contract = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x42)]);
    const document = await api.documents.add({ record: { type: 'contact', id: contact.id }, name: 'Contrat întreținere.pdf', contentType: 'application/pdf', data: contract.toString('base64') });
    const sheet = Buffer.from('PK\x03\x04 not really a workbook, only its bytes matter');

    const { draft } = await api.compose.start({});
    const body = 'Bună ziua domnule Ionescu,\n\nVă trimit factura și contractul.\nO zi bună,\nCéline\n';
    const sent = await api.compose.send({
      draft: {
        ...draft,
        accountId: account.id,
        to: [{ name: 'Șerban Ionescu', address: 'serban@firma.ro' }],
        subject: 'Factură și contract — întreținere',
        plainText: true,
        html: '',
        text: body,
        attachments: [
          { kind: 'upload', filename: 'Factură ianuarie — Șerban.xlsx', contentType: '', data: sheet.toString('base64') },
          { kind: 'document', documentId: document.id, filename: document.name },
          { kind: 'attachment', attachmentId: invoice.id, filename: invoice.filename },
          { kind: 'message', messageId: original.id, filename: 'Facture n° 42.eml' },
        ],
      },
    });
    await api.outbox.send({ messageId: sent.messageId });
    const wire = smtp.received[0]!.raw;
    const mail = parseWithPython(wire);
    expect(mail.defects).toEqual([]);
    expect(shape(mail.tree)).toEqual({
      'multipart/mixed': ['text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf', 'application/pdf', 'message/rfc822'],
    });
    const [text, xlsx, doc, pdf, eml] = leaves(mail.tree);
    expect(text!.text!.replace(/\r\n/g, '\n')).toBe(body);
    expect(text!.charset).toBe('utf-8');
    // Non-ASCII file names go as RFC 2231 parameters, and read back whole.
    expect(wire.toString('latin1')).toMatch(/filename\*(0\*)?=utf-8''/i);
    expect([xlsx, doc, pdf, eml].map((p) => [p!.filename, p!.disposition])).toEqual([
      ['Factură ianuarie — Șerban.xlsx', 'attachment'],
      ['Contrat întreținere.pdf', 'attachment'],
      [FRENCH_INVOICE.attachmentName, 'attachment'],
      ['Facture n° 42.eml', 'attachment'],
    ]);
    expect([xlsx!.sha256, doc!.sha256, pdf!.sha256]).toEqual([await sha256(sheet), await sha256(contract), await sha256(invoicePdf)]);
    expect(eml!.attached!.subject).toEqual([FRENCH_INVOICE.subject]);
    expect(eml!.attached!['message-id']).toEqual(['<facture-42@exemple.fr>']);
    // Sent to a contact: filed under that contact by the normal ingest path.
    expect((await api.links.ofMessage({ messageId: sent.messageId })).items).toEqual([expect.objectContaining({ type: 'contact', id: contact.id, reason: 'address' })]);
  });

  it('forwards a message inline with its pictures still in place and its files attached once', async () => {
    smtp = await startPlainSmtp('marc');
    const { api } = await openTestEngine();
    await sendingAccount(api, smtp, 'marc');
    const invoicePdf = Buffer.alloc(6000, 0x25);
    const original = await api.messages.ingest({ raw: frenchInvoiceMessage(invoicePdf).toString('base64') });
    const [logo] = (await api.messages.get({ id: original.id })).attachments.filter((a) => a.contentId !== null);

    const forward = await api.compose.start({ mode: 'forward', messageId: original.id });
    // The logo belongs to the body (it is quoted with it); only the invoice is a file to forward.
    expect(forward.draft.attachments).toEqual([expect.objectContaining({ kind: 'attachment', filename: FRENCH_INVOICE.attachmentName })]);
    expect(forward.quoteHtml).toContain('src="data:image/png;base64,');
    const sent = await api.compose.send({ draft: { ...forward.draft, to: [{ name: '', address: 'compta@facteur.test' }], html: `<p>Pour paiement.</p>${forward.quoteHtml}` } });
    await api.outbox.send({ messageId: sent.messageId });

    const mail = parseWithPython(smtp.received[0]!.raw);
    expect(mail.headers.subject).toEqual([`Fwd: ${FRENCH_INVOICE.subject}`]);
    expect(shape(mail.tree)).toEqual({
      'multipart/mixed': [{ 'multipart/alternative': ['text/plain', { 'multipart/related': ['text/html', 'image/png'] }] }, 'application/pdf'],
    });
    const [text, html, picture, file] = leaves(mail.tree);
    const logoBytes = Buffer.from((await api.attachments.content({ id: logo!.id })).data, 'base64');
    expect(picture!.sha256).toBe(await sha256(logoBytes));
    expect(html!.text).toContain(`src="cid:${picture!.contentId!.replace(/^<|>$/g, '')}"`);
    expect(html!.text).toContain('Bonjour Céline,');
    expect(text!.text).toContain('Forwarded message');
    expect(text!.text).toContain('From: Renée Façade <renee@exemple.fr>');
    expect(file).toMatchObject({ filename: FRENCH_INVOICE.attachmentName, sha256: await sha256(invoicePdf) });
  });
});
