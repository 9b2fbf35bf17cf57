import { detectExtension } from 'nodemailer/lib/mime-funcs';
import { sha256Hex } from '../blobs/blob-store.js';

export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** `<img … src="data:…">`, the value in double or single quotes. */
const DATA_IMG = /(<img\b[^>]*?\ssrc\s*=\s*)(["'])data:([^"',;]*)((?:;[^"',;]*)*),([^"']*)\2/gi;

/**
 * Pictures pasted or dropped in the editor, and those of a quoted original, are data: URLs in the HTML; mail
 * clients show cid: parts of a multipart/related (RFC 2392), and many block data: images. Each distinct picture
 * becomes one part, however often it appears; a data: URL that is no picture is dropped rather than sent.
 *
 * The pictures are taken out before the HTML is sanitised or turned into text, which then work on a page of text
 * instead of megabytes of base64 (a second pass after sanitising catches any the raw markup hid).
 */
export class InlinePictures {
  private readonly byHash = new Map<string, InlineImage>();

  constructor(private readonly domain: string) {}

  get images(): InlineImage[] {
    return [...this.byHash.values()];
  }

  /** The HTML with each data: picture replaced by a cid: reference to its part. */
  replace(html: string): string {
    return html.replace(DATA_IMG, (_match, head: string, _quote: string, type: string, params: string, payload: string) => {
      const contentType = type.trim().toLowerCase();
      if (!/^image\/[a-z0-9.+-]+$/.test(contentType)) return `${head}""`;
      const content = decodeDataPayload(payload, /;base64(;|$)/i.test(params));
      if (content.length === 0) return `${head}""`;
      const hash = sha256Hex(content);
      let image = this.byHash.get(hash);
      if (!image) {
        image = { cid: `${hash.slice(0, 32)}@${this.domain}`, filename: `image-${this.byHash.size + 1}.${detectExtension(contentType)}`, contentType, content };
        this.byHash.set(hash, image);
      }
      return `${head}"cid:${image.cid}"`;
    });
  }
}

/** One pass over one piece of HTML. */
export function inlineDataImages(html: string, domain: string): { html: string; images: InlineImage[] } {
  const pictures = new InlinePictures(domain);
  const out = pictures.replace(html);
  return { html: out, images: pictures.images };
}

function decodeDataPayload(payload: string, base64: boolean): Buffer {
  const text = payload.replace(/&amp;/g, '&').replace(/\s+/g, '');
  if (base64) return Buffer.from(text, 'base64');
  try {
    return Buffer.from(decodeURIComponent(text), 'utf8');
  } catch {
    return Buffer.alloc(0);
  }
}
