import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Archive entries made by Unix, regular files rw-r--r--: whoever unzips them gets nothing executable. */
const UNIX = 3;
const REGULAR_FILE = (0o100644 << 16) >>> 0;

/**
 * A zip archive of the given files (fflate writes UTF-8 names with their flag, so "Facture n° 42.pdf" survives).
 * PDFs, images and office files are mostly compressed already, so a light level saves time for little size.
 */
export function zipFiles(entries: readonly ZipEntry[], modified = new Date()): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    files[entry.name] = [new Uint8Array(entry.data.buffer, entry.data.byteOffset, entry.data.length), { level: 1, mtime: modified, os: UNIX, attrs: REGULAR_FILE }];
  }
  return Buffer.from(zipSync(files));
}
