import { fstatSync, readSync } from 'node:fs';
import { PSTFile } from 'pst-extractor';

const PAGE = 64 * 1024;
/** 16 MB of pages per open file: the b-tree pages and the blocks of the message being read stay in it. */
const MAX_PAGES = 256;

interface FileReader {
  pstFD: number;
  readSync(buffer: Buffer, length: number, position: number): number;
}

class PageCache {
  private readonly pages = new Map<number, Buffer>();
  private readonly size: number;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  read(target: Buffer, length: number, position: number): number {
    const end = Math.min(position + length, this.size);
    let done = 0;
    for (let at = position; at < end;) {
      const index = Math.floor(at / PAGE);
      const page = this.page(index);
      const offset = at - index * PAGE;
      const n = Math.min(end - at, page.length - offset);
      if (n <= 0) break;
      page.copy(target, done, offset, offset + n);
      done += n;
      at += n;
    }
    return done;
  }

  private page(index: number): Buffer {
    let page = this.pages.get(index);
    if (page) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.pages.delete(index);
      this.pages.set(index, page);
      return page;
    }
    const buffer = Buffer.allocUnsafe(PAGE);
    const n = readSync(this.fd, buffer, 0, PAGE, index * PAGE);
    page = n === PAGE ? buffer : buffer.subarray(0, n);
    this.pages.set(index, page);
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}

const caches = new WeakMap<object, PageCache>();

/**
 * pst-extractor reads its file a few bytes at a time (b-tree entries byte by byte, one read(2) each): on the
 * fixtures a third of the time went to system calls. Its reads go through PSTFile.readSync, which is given a page
 * cache here; a PSTFile made from a Buffer is left as it is.
 */
export function cachePstReads(): void {
  const proto = PSTFile.prototype as unknown as FileReader & { cachedReads?: true };
  if (proto.cachedReads) return;
  const original = proto.readSync;
  proto.readSync = function (this: FileReader, buffer: Buffer, length: number, position: number): number {
    if (!(this.pstFD > 0)) return original.call(this, buffer, length, position);
    let cache = caches.get(this);
    if (!cache) {
      cache = new PageCache(this.pstFD);
      caches.set(this, cache);
    }
    return cache.read(buffer, length, position);
  };
  proto.cachedReads = true;
}
