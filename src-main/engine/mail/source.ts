import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MimeLeaf } from './mime-scan.js';

/**
 * How a message's exact raw source is kept without storing its attachments twice.
 *
 * 'raw': the bytes as received (when compression would not pay). 'skeleton1': gzip of a list of segments, each either literal bytes or a reference
 * to an attachment blob plus how it was base64-encoded (line length, line ending, trailing line end). A reference
 * is only used when re-encoding the blob reproduces the original bytes exactly, and the whole skeleton is checked
 * against the raw sha256 before it is chosen, so reconstruction is byte-exact by construction.
 */
export type SourceFormat = 'raw' | 'skeleton1';

type Segment = { kind: 'literal'; bytes: Buffer } | { kind: 'ref'; sha256: string; lineLength: number; crlf: boolean; trailing: boolean };

const MAGIC = Buffer.from('FSK1');
/** Parts smaller than this stay literal: a reference would save too little to be worth a blob read. */
const MIN_REF_BYTES = 2048;

export interface BuiltSource {
  format: SourceFormat;
  bytes: Buffer;
}

export function buildSource(raw: Buffer, leaves: MimeLeaf[], attachmentBlobs: ReadonlyMap<string, Buffer>, rawSha256: string): BuiltSource {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const leaf of leaves) {
    if (leaf.encoding !== 'base64' || leaf.bodyEnd - leaf.bodyStart < MIN_REF_BYTES) continue;
    const ref = encodedRef(raw.subarray(leaf.bodyStart, leaf.bodyEnd), attachmentBlobs);
    if (!ref) continue;
    segments.push({ kind: 'literal', bytes: raw.subarray(cursor, leaf.bodyStart) });
    segments.push(ref);
    cursor = leaf.bodyEnd;
  }
  segments.push({ kind: 'literal', bytes: raw.subarray(cursor) });

  // Level 3: most of level 6's ratio on mail text at a fraction of the time, which matters at sync speed.
  const bytes = gzipSync(serialize(segments), { level: 3 });
  // Without references the skeleton is just the compressed raw: keep it only when compression pays, and no
  // rebuild check is needed (there is nothing to re-encode).
  if (segments.length === 1) return bytes.length > raw.length * 0.9 ? { format: 'raw', bytes: raw } : { format: 'skeleton1', bytes };
  const rebuilt = reconstructSource('skeleton1', bytes, (sha) => attachmentBlobs.get(sha) ?? Buffer.alloc(0));
  if (createHash('sha256').update(rebuilt).digest('hex') !== rawSha256) return { format: 'raw', bytes: raw };
  return { format: 'skeleton1', bytes };
}

export function reconstructSource(format: SourceFormat, stored: Buffer, readBlob: (sha256: string) => Buffer): Buffer {
  if (format === 'raw') return stored;
  const data = gunzipSync(stored);
  if (!data.subarray(0, 4).equals(MAGIC)) throw new Error('A stored message source is damaged (bad skeleton header).');
  const out: Buffer[] = [];
  let pos = 4;
  while (pos < data.length) {
    const kind = data[pos++];
    if (kind === 0) {
      const length = data.readUInt32BE(pos);
      pos += 4;
      out.push(data.subarray(pos, pos + length));
      pos += length;
    } else if (kind === 1) {
      const sha256 = data.subarray(pos, pos + 32).toString('hex');
      const lineLength = data.readUInt16BE(pos + 32);
      const flags = data[pos + 34]!;
      pos += 35;
      out.push(encodeBase64Lines(readBlob(sha256), lineLength, (flags & 1) !== 0, (flags & 2) !== 0));
    } else {
      throw new Error('A stored message source is damaged (unknown segment).');
    }
  }
  return Buffer.concat(out);
}

function encodedRef(body: Buffer, blobs: ReadonlyMap<string, Buffer>): Segment | null {
  const text = body.toString('latin1');
  const crlf = text.includes('\r\n');
  const eol = crlf ? '\r\n' : '\n';
  const firstBreak = text.indexOf(eol);
  const lineLength = firstBreak === -1 ? text.length : firstBreak;
  if (lineLength === 0 || lineLength > 65535) return null;
  const decoded = Buffer.from(text.replace(/[\r\n]/g, ''), 'base64');
  const sha256 = createHash('sha256').update(decoded).digest('hex');
  if (!blobs.has(sha256)) return null;
  const trailing = text.endsWith(eol);
  const candidate = encodeBase64Lines(decoded, lineLength, crlf, trailing);
  return candidate.equals(body) ? { kind: 'ref', sha256, lineLength, crlf, trailing } : null;
}

function encodeBase64Lines(content: Buffer, lineLength: number, crlf: boolean, trailing: boolean): Buffer {
  const b64 = content.toString('base64');
  const eol = crlf ? '\r\n' : '\n';
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += lineLength) lines.push(b64.slice(i, i + lineLength));
  return Buffer.from(lines.join(eol) + (trailing ? eol : ''), 'latin1');
}

function serialize(segments: Segment[]): Buffer {
  const parts: Buffer[] = [MAGIC];
  for (const s of segments) {
    if (s.kind === 'literal') {
      const head = Buffer.alloc(5);
      head[0] = 0;
      head.writeUInt32BE(s.bytes.length, 1);
      parts.push(head, s.bytes);
    } else {
      const head = Buffer.alloc(36);
      head[0] = 1;
      Buffer.from(s.sha256, 'hex').copy(head, 1);
      head.writeUInt16BE(s.lineLength, 33);
      head[35] = (s.crlf ? 1 : 0) | (s.trailing ? 2 : 0);
      parts.push(head);
    }
  }
  return Buffer.concat(parts);
}
