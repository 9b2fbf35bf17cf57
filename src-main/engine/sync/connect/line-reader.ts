import type { Socket } from 'node:net';
import { stepError } from './failure.js';

const MAX_LINE = 64 * 1024;

/**
 * Reads CRLF-terminated lines from a socket, one `next()` at a time, for the short pre-login dialogues of IMAP,
 * POP3 and SMTP (greeting, STARTTLS, capabilities). It can be detached before a TLS upgrade, and tells whether the
 * server sent bytes it should not have (data after the STARTTLS answer: RFC 3501 §6.2.1, RFC 2595 §4, RFC 3207 §4
 * all say the client must discard it; we refuse the server instead, as it is the mark of an injection attack).
 */
export class LineReader {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  private closed: Error | null = null;

  constructor(
    private readonly socket: Socket,
    readonly where: string,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', this.onData);
    socket.on('error', this.onEnd);
    socket.on('close', this.onEnd);
  }

  /** The next line without its CRLF; rejects after `timeoutMs` of silence or when the server hangs up. */
  next(timeoutMs: number): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.reject(this.closed);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(stepError('PROTOCOL_ERROR', `${this.where} did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'TIMEOUT'));
      }, timeoutMs);
      this.waiter = {
        resolve: (l) => (clearTimeout(timer), resolve(l)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  write(line: string): void {
    this.socket.write(`${line}\r\n`, 'utf8');
  }

  /** True when bytes arrived that no `next()` consumed yet. */
  hasUnread(): boolean {
    return this.lines.length > 0 || this.buffer.length > 0;
  }

  /** Stops reading, so the socket can be handed to TLS (or to a client library). */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onEnd);
    this.socket.off('close', this.onEnd);
  }

  private readonly onData = (chunk: string): void => {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.push(line);
    }
    if (this.buffer.length > MAX_LINE) {
      this.fail(stepError('PROTOCOL_ERROR', `${this.where} sent a line longer than ${MAX_LINE} bytes.`, 'LINE_TOO_LONG'));
      this.socket.destroy();
    }
  };

  private readonly onEnd = (error?: Error | boolean): void => {
    const cause = error instanceof Error ? ` (${error.message})` : '';
    this.fail(stepError('CONNECT_FAILED', `${this.where} closed the connection${cause}.`, 'CLOSED'));
  };

  private push(line: string): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter.resolve(line);
    else this.lines.push(line);
  }

  private fail(error: Error): void {
    this.closed ??= error;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(this.closed);
  }
}
