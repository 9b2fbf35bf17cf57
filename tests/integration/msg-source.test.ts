import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { openMsgSource } from '../../src-main/engine/import/msg-source.js';
import type { ImportItem } from '../../src-main/engine/import/source.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/msg');

async function readAll(path: string, from = 0) {
  const source = await openMsgSource(path);
  const items: ImportItem[] = [];
  for await (const item of source.items(from)) items.push(item);
  await source.close();
  return { items, nonMail: source.nonMail(), count: await source.count() };
}

async function message(relative: string): Promise<ParsedMail> {
  const { items } = await readAll(join(FIXTURES, relative));
  expect(items).toHaveLength(1);
  expect(items[0]!.failure).toBeUndefined();
  return simpleParser(items[0]!.raw!);
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? `(${v.name})`));
const files = (p: ParsedMail) => p.attachments.filter((a) => a.contentType !== 'message/rfc822').map((a) => [a.filename, a.size]);
const embedded = async (p: ParsedMail) => Promise.all(p.attachments.filter((a) => a.contentType === 'message/rfc822').map((a) => simpleParser(a.content)));

/**
 * What the fixtures' own test suites say the files hold: msgreader's test/*.json snapshots (subject, senderName /
 * senderEmail, recipients, attachments with contentLength) and ruby-msg's test_msg.rb (test_Blammo) and
 * qwerty_1-orig.txt (its property dump).
 */
const EXPECTED: { file: string; subject: string; from: string[]; to: string[]; cc?: string[]; bcc?: string[]; files: [string, number][] }[] = [
  { file: 'msgreader/test1.msg', subject: 'title', from: [], to: ['to@example.com'], cc: ['cc@example.com'], files: [] },
  { file: 'msgreader/test2.msg', subject: '', from: [], to: [], files: [['A.txt', 11]] },
  { file: 'msgreader/Subject.msg', subject: 'Subject', from: [], to: ['to@example.com'], cc: ['cc@example.com'], bcc: ['bcc@example.com'], files: [] },
  { file: 'msgreader/sent.msg', subject: 'Sent time', from: ['xmailuser@xmailserver.test'], to: ['xmailuser@xmailserver.test'], files: [] },
  // An Exchange sender with no SMTP address: the name is kept, no address is made up.
  { file: 'msgreader/sent2.msg', subject: 'Sending test', from: ['(UnoKenji)'], to: ['ku@digitaldolphins.jp'], files: [] },
  { file: 'msgreader/attachmentFiles.msg', subject: 'attachmentFiles', from: ['hmailuser@hmailserver.test'], to: ['hmailuser@hmailserver.test'],
    files: [['jpg.jpg', 726], ['png.png', 134], ['tif.tif', 664]] },
  { file: 'msgreader/attachmentsOrder.msg', subject: 'Attachments order', from: [], to: [],
    files: [['A.docx', 11627], ['B.docx', 11631], ['C.docx', 11753], ['D.docx', 11762]] },
  { file: 'msgreader/attachAndInline.msg', subject: 'Attach and inline', from: [], to: ['xmailuser@xmailserver.test'],
    files: [['image001.png', 809], ['attach.png', 1558]] },
  { file: 'msgreader/nonUnicodeMail.msg', subject: 'Non Unicode mail subject', from: [], to: ['xmailuser2@xmailserver.test'], files: [] },
  // ANSI strings in Japanese Windows' code page: msgreader's own test has to be told "932"; the item's code page says it.
  { file: 'msgreader/nonUnicodeCP932.msg', subject: '日本語 Non Unicode タイトル', from: [], to: ['xmailuser2@xmailserver.test'], files: [] },
  { file: 'msgreader/voteItems.msg', subject: '3 vote items: はい;いいえ;たぶん', from: ['xmailuser@xmailserver.test'], to: ['xmailuser@xmailserver.test'], files: [] },
  { file: 'msgreader/voteYes.msg', subject: 'はい: 3 vote items: はい;いいえ;たぶん', from: ['xmailuser@xmailserver.test'], to: ['xmailuser@xmailserver.test'], files: [] },
  { file: 'ruby-msg/test_Blammo.msg', subject: 'BlammoBlammo', from: ['TripleNickel@mapi32.net'], to: [], files: [] },
  { file: 'ruby-msg/qwerty_1-orig.msg', subject: 'qwerty', from: [], to: ['(asdf)'], files: [] },
];

describe('Outlook .msg files', () => {
  it.each(EXPECTED)('$file: the subject, sender, recipients and attachments its source suite expects', async (e) => {
    const p = await message(e.file);
    expect(p.subject ?? '').toBe(e.subject);
    expect(addresses(p.from)).toEqual(e.from);
    expect(addresses(p.to)).toEqual(e.to);
    expect(addresses(p.cc)).toEqual(e.cc ?? []);
    expect(addresses(p.bcc)).toEqual(e.bcc ?? []);
    expect(files(p)).toEqual(e.files);
    expect(p.date).toBeInstanceOf(Date);
  });

  it('keeps attachment bytes as they are in the file', async () => {
    const p = await message('msgreader/test2.msg');
    expect(p.attachments[0]!.content.toString('latin1')).toBe('attach test');
  });

  it('turns embedded messages into message/rfc822 parts, nested as deep as they go', async () => {
    const outer = await message('msgreader/msgInMsgInMsg.msg');
    expect(outer.subject).toBe('I have sub attachments!');
    expect(files(outer)).toEqual([['blue.png', 134]]);
    const [middle] = await embedded(outer);
    expect(middle!.subject).toBe('I have attachments!');
    expect(files(middle!)).toEqual([['green.png', 134]]);
    const [inner] = await embedded(middle!);
    // The innermost message was received: its transport headers are kept.
    expect(inner!.subject).toBe('Microsoft Outlook テスト メッセージ');
    expect(addresses(inner!.from)).toEqual(['xmailuser@xmailserver.test']);
    expect(inner!.headers.get('received')).toBeTruthy();
    expect(inner!.text).toContain('Microsoft Outlook から自動送信されたものです');

    const big = await embedded(await message('msgreader/longerFat.msg'));
    expect(big.map((m) => [m.subject, files(m)])).toEqual([['Has 64KB.bin', [['64KB.bin', 65536]]]]);
    expect(await embedded(await message('msgreader/Many entities.msg'))).toHaveLength(22);
  });

  it('takes the HTML out of an RTF-only body, with its inline image as a related part', async () => {
    const { items } = await readAll(join(FIXTURES, 'msgreader/attachAndInline.msg'));
    const p = await simpleParser(items[0]!.raw!, { keepCidLinks: true });
    expect(p.html).toMatch(/<img[^>]+src="cid:image001\.png@01D78380\.EF6DC500"/);
    const image = p.attachments.find((a) => a.filename === 'image001.png')!;
    expect(image.related).toBe(true);
    expect(image.cid).toBe('image001.png@01D78380.EF6DC500');
    expect(p.attachments.find((a) => a.filename === 'attach.png')!.contentDisposition).toBe('attachment');
  });

  it('keeps received headers as they were and builds a new body under them', async () => {
    const { items } = await readAll(join(FIXTURES, 'msgreader/attachmentFiles.msg'));
    const raw = items[0]!.raw!.toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toContain('Message-ID: <000001da0c5d$22ab1460$68013d20$@hmailserver.test>');
    expect(head).toContain('X-Mailer: Microsoft Outlook 15.0');
    expect(head.match(/^Content-Type:/gim)).toHaveLength(1);
    expect(head).not.toContain('NextPart'); // the original multipart boundary went with the original body
  });

  it('reads a folder tree: mail by folder, the rest counted, in the same order and bytes every time', async () => {
    const first = await readAll(FIXTURES);
    expect(first.items.every((i) => i.raw)).toBe(true);
    expect(first.items).toHaveLength(31);
    expect(first.items.map((i) => i.key)).toEqual([...first.items.map((i) => i.key)].sort());
    expect([...new Set(first.items.map((i) => i.folder.join('/')))]).toEqual(['msgreader', 'ruby-msg']);
    // 13 calendar items, 5 contacts, 2 sticky notes; SOURCES.md is the one other file.
    expect(first.nonMail).toEqual({ contacts: 5, appointments: 13, tasks: 0, notes: 2, other: 1 });
    expect(first.count).toBeNull();

    const second = await readAll(FIXTURES);
    expect(second.items.map((i) => i.raw!.toString('base64'))).toEqual(first.items.map((i) => i.raw!.toString('base64')));
    const resumed = await readAll(FIXTURES, 20);
    expect(resumed.items.map((i) => i.key)).toEqual(first.items.slice(20).map((i) => i.key));
    expect(resumed.nonMail).toEqual(first.nonMail);
    for (const item of first.items) {
      const parsed = await simpleParser(item.raw!);
      expect(parsed.headers.get('mime-version'), item.key).toBe('1.0');
    }
  });

  it('counts a single contact file instead of importing it, and reports a file that is not an Outlook item', async () => {
    const contact = await readAll(join(FIXTURES, 'msgreader/contactUnicode.msg'));
    expect(contact.items).toEqual([]);
    expect(contact.count).toBe(0);
    expect(contact.nonMail.contacts).toBe(1);

    const dir = tempDir();
    writeFileSync(join(dir, 'broken.msg'), readFileSync(join(FIXTURES, 'msgreader/test1.msg')).subarray(0, 300));
    writeFileSync(join(dir, 'empty.msg'), '');
    const { items } = await readAll(dir);
    expect(items).toEqual([
      { folder: [], key: 'broken.msg', failure: expect.stringMatching(/^broken\.msg is not an Outlook item \(\.msg\) or is damaged: /) },
      { folder: [], key: 'empty.msg', failure: 'The file is empty.' },
    ]);
    await expect(openMsgSource(join(dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
