import { decompressRTF } from '@kenjiuno/decompressrtf';
import { deEncapsulateSync, Tokenize } from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
import { codepageFromName, decodeCodepage } from './codepages.js';

/** What an Outlook RTF body turns into: the HTML it encapsulates, or its text. */
export type RtfBody = { kind: 'html'; html: string } | { kind: 'text'; text: string };

/** PR_RTF_COMPRESSED → the RTF document's bytes ([MS-OXRTFCP]); throws on data that is not compressed RTF. */
export function decompressRtf(compressed: Uint8Array): Buffer {
  // The declared parameter is number[], but any indexable bytes will do; copying a 300 KB body into an array
  // first cost more than the decompression itself.
  return Buffer.from(decompressRTF(compressed as unknown as number[]));
}

const decode = (bytes: Buffer, name: string) => decodeCodepage(bytes, codepageFromName(name));
const quiet = () => {};

/**
 * Outlook keeps an HTML mail as RTF with the HTML encapsulated in it (\fromhtml, [MS-OXRTFEX]) when the message came
 * from an RTF-capable path; that gives back the HTML. Plain RTF (Outlook's own "Rich Text" mails) has no HTML to give
 * back, so it is turned into text.
 */
export function rtfToBody(rtf: Buffer): RtfBody {
  // \fromhtml or \fromtext must be in the RTF header ([MS-OXRTFEX] 2.1.3.1): without one there is nothing to
  // de-encapsulate, and a large native RTF body is not tokenized twice.
  const header = rtf.subarray(0, 2048).toString('latin1');
  if (!/\\from(html|text)/.test(header)) return { kind: 'text', text: rtfToText(rtf) };
  try {
    const result = deEncapsulateSync(rtf, {
      decode,
      warn: quiet,
      mode: 'either',
      allowCp0: true,
      htmlFixContentType: true,
      outlookQuirksMode: true,
      replaceSymbolFontChars: true,
    });
    const out = String(result.text);
    return result.mode === 'html' ? { kind: 'html', html: out } : { kind: 'text', text: out };
  } catch {
    return { kind: 'text', text: rtfToText(rtf) };
  }
}

interface SyncTransform {
  push(chunk: unknown): boolean;
  _transform(chunk: unknown, encoding: string | undefined, done: (err?: unknown) => void): void;
  _flush(done: (err?: unknown) => void): void;
}

/** RTF → plain text, driving rtf-stream-parser's transforms synchronously, as its own deEncapsulateSync does. */
function rtfToText(rtf: Buffer): string {
  const onError = (err?: unknown) => {
    if (err) throw err;
  };
  const tokenize = new Tokenize() as unknown as SyncTransform;
  const toText = new ToPlainText({ decode, warn: quiet, allowCp0: true, replaceSymbolFontChars: true }) as unknown as SyncTransform;
  const chunks: string[] = [];
  tokenize.push = (token) => {
    toText._transform(token, '', onError);
    return true;
  };
  toText.push = (piece) => {
    chunks.push(String(piece));
    return true;
  };
  tokenize._transform(rtf, undefined, onError);
  tokenize._flush(onError);
  toText._flush(onError);
  return chunks.join('').replace(/\r\n?/g, '\n');
}
