import { openEmlSource } from './eml-source.js';
import { openMboxSource } from './mbox-source.js';
import { openMsgSource } from './msg-source.js';
import { openPstSource } from './pst-source.js';
import type { ImportSource } from './source.js';

/** The reader for a format, by path (a file, or for EML and MSG also a folder of them). */
export function openSource(format: ImportSource['format'], path: string): Promise<ImportSource> {
  switch (format) {
    case 'pst':
      return openPstSource(path);
    case 'msg':
      return openMsgSource(path);
    case 'eml':
      return openEmlSource(path);
    case 'mbox':
      return openMboxSource(path);
  }
}
