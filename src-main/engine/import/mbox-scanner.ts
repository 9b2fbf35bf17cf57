import { open, type FileHandle } from 'node:fs/promises';
import { EngineError } from '../errors.js';
import { CR, FROM, isEnvelopeLine, LF, NL_FROM, NO_FINAL_LINE_BREAK, trailingLineEnd, unquoteFromLines } from './mboxrd.js';
import { MAX_MESSAGE_BYTES } from './limits.js';

export interface MboxMessage {
  /** Where its "From " line starts in the file. */
  offset: number;
  /** The "From " line without its line end (envelope lines are ASCII; read as latin1, at most 1,000 characters). */
  envelope: string;
  /** Its length in the file: quoting included, the line end that separates it from the next message excluded. */
  size: number;
  /** The message, un-quoted; null when the caller skipped it or it is larger than the limit. */
  raw: Buffer | null;
  tooLarge: boolean;
}

export interface MboxScanOptions {
  /** Bytes read at a time (tests make it tiny to put every boundary across two reads). */
  chunkBytes?: number;
  /** A message larger than this is skipped (reported, never held in memory). */
  maxMessageBytes?: number;
}

const DEFAULT_CHUNK = 1024 * 1024;
/** Enough of a candidate "From " line and of the line after it to tell an envelope from a body line. */
const LOOKAHEAD = 2048;
const ENVELOPE_SHOWN = 1000;

/**
 * Splits an mbox file into messages while reading it in chunks: memory holds one message and a chunk, whatever the
 * file's size. Bytes are never decoded, so 8-bit and binary content comes back exactly (see mboxrd.ts for the rules).
 */
export class MboxScanner {
  private buf: Buffer;
  /** Bytes of `buf` in use; what lies beyond is stale. */
  private len = 0;
  /** Where the next message's "From " line starts in `buf`. */
  private at = 0;
  /** The file offset of buf[0]. */
  private base = 0;
  private readPos = 0;
  private eof = false;
  private started = false;
  private finished = false;

  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    private readonly chunk: number,
    private readonly max: number,
  ) {
    this.buf = Buffer.allocUnsafe(2 * chunk + LOOKAHEAD);
  }

  static async open(path: string, options: MboxScanOptions = {}): Promise<MboxScanner> {
    const file = await open(path, 'r');
    return new MboxScanner(file, path, Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK), options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /**
   * Checks that the file is an mbox: empty, or its first line (after a byte order mark or blank lines) starts with
   * "From ". Throws INVALID_INPUT otherwise, before any message is read.
   */
  async ready(): Promise<void> {
    if (this.started) return;
    await this.fill();
    let i = 0;
    if (this.len >= 3 && this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) i = 3;
    for (;;) {
      while (i < this.len && (this.buf[i] === LF || this.buf[i] === CR)) i++;
      if (i + FROM.length <= this.len || this.eof) break;
      await this.fill();
    }
    this.started = true;
    if (i >= this.len) {
      this.finished = true;
      return;
    }
    while (this.len < i + LOOKAHEAD && !this.eof) await this.fill();
    const firstLine = this.view().subarray(i, i + LOOKAHEAD);
    // Every later envelope is known to end within LOOKAHEAD (opensMessage); the first one is held to the same.
    const endsInTime = firstLine.indexOf(LF) >= 0 || (this.eof && i + LOOKAHEAD >= this.len);
    if (!firstLine.subarray(0, FROM.length).equals(FROM) || !endsInTime) {
      throw new EngineError('INVALID_INPUT', `${this.path} is not an mbox file: it does not start with a "From " line.`);
    }
    this.at = i;
  }

  /** The next message, or null after the last. With `take` false its bytes are only skipped over, never copied. */
  async next(take: boolean): Promise<MboxMessage | null> {
    await this.ready();
    if (this.finished) return null;
    if (this.at >= this.chunk) this.discardBefore(this.at);
    const offset = this.base + this.at;
    let eol = this.view().indexOf(LF, this.at);
    while (eol < 0 && !this.eof) {
      await this.fill();
      eol = this.view().indexOf(LF, this.at);
    }
    const envelope = this.line(this.at, eol < 0 ? this.len : eol);
    if (eol < 0) {
      this.finished = true;
      return { offset, envelope, size: 0, raw: take ? Buffer.alloc(0) : null, tooLarge: false };
    }
    let bodyStart = eol + 1;
    // From the envelope's own line end: the message's first line may already be the next envelope (an empty message).
    let scanFrom = eol;
    let dropped = 0;
    for (;;) {
      const candidate = this.view().indexOf(NL_FROM, scanFrom);
      if (candidate >= 0) {
        if (candidate + 1 + LOOKAHEAD > this.len && !this.eof) {
          await this.fill();
          continue;
        }
        if (this.opensMessage(candidate + 1)) {
          this.at = candidate + 1;
          return this.message(offset, envelope, bodyStart, candidate + 1, dropped, take);
        }
        scanFrom = candidate + 1;
        continue;
      }
      if (this.eof) {
        this.finished = true;
        return this.message(offset, envelope, bodyStart, this.len, dropped, take);
      }
      // "\nFrom" may be cut by the end of what is read so far: look again from just before it.
      scanFrom = Math.max(scanFrom, this.len - (NL_FROM.length - 1));
      if (dropped > 0 || scanFrom - bodyStart > this.max) {
        // Too large to hold: let go of what has been scanned and only keep counting its size.
        dropped += scanFrom - bodyStart;
        this.discardBefore(scanFrom);
        bodyStart = 0;
        scanFrom = 0;
      }
      await this.fill();
    }
  }

  private message(offset: number, envelope: string, start: number, end: number, dropped: number, take: boolean): MboxMessage {
    // The line end before the next envelope is the file's when it makes a blank line (the region starts right after
    // the envelope's line end), or when the envelope says the message had none of its own; otherwise the message's.
    const last = trailingLineEnd(this.buf, start, end);
    const blankLine = last > 0 && (end - last === start || this.buf[end - last - 1] === LF);
    const stored = blankLine || envelope.endsWith(NO_FINAL_LINE_BREAK) ? end - last : end;
    const size = dropped + stored - start;
    const tooLarge = size > this.max;
    const raw = take && !tooLarge ? unquoteFromLines(this.buf, start, stored) : null;
    return { offset, envelope, size, raw, tooLarge };
  }

  private opensMessage(lineStart: number): boolean {
    const windowEnd = Math.min(this.len, lineStart + LOOKAHEAD);
    const window = this.buf.subarray(lineStart, windowEnd);
    const nl = window.indexOf(LF);
    if (nl < 0) {
      // A line longer than the window is no envelope; the file's last line (no line end) may be one.
      if (windowEnd < this.len || !this.eof) return false;
      return isEnvelopeLine(this.line(lineStart, windowEnd), null);
    }
    const nextStart = lineStart + nl + 1;
    const nextNl = this.buf.subarray(nextStart, windowEnd).indexOf(LF);
    const next = nextStart >= this.len ? null : this.line(nextStart, nextNl < 0 ? windowEnd : nextStart + nextNl);
    return isEnvelopeLine(this.line(lineStart, lineStart + nl), next);
  }

  /** buf[start, end) as latin1 text without a final CR, at most ENVELOPE_SHOWN characters. */
  private line(start: number, end: number): string {
    const stop = Math.min(end > start && this.buf[end - 1] === CR ? end - 1 : end, start + ENVELOPE_SHOWN);
    return this.buf.toString('latin1', start, stop);
  }

  private view(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  private async fill(): Promise<void> {
    if (this.eof) return;
    if (this.buf.length - this.len < this.chunk) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.len + this.chunk));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    const { bytesRead } = await this.file.read(this.buf, this.len, this.chunk, this.readPos);
    if (bytesRead === 0) this.eof = true;
    this.len += bytesRead;
    this.readPos += bytesRead;
  }

  /** Forgets buf[0, n): the read-ahead moves to the front, and a buffer grown for a big message shrinks back. */
  private discardBefore(n: number): void {
    const keep = this.len - n;
    if (this.buf.length > 8 * this.chunk && keep <= this.chunk) {
      const smaller = Buffer.allocUnsafe(2 * this.chunk + LOOKAHEAD);
      this.buf.copy(smaller, 0, n, this.len);
      this.buf = smaller;
    } else {
      this.buf.copyWithin(0, n, this.len);
    }
    this.len = keep;
    this.base += n;
    this.at = Math.max(0, this.at - n);
  }
}
