import { detectExtension } from 'nodemailer/lib/mime-funcs';
import { sha256Hex } from '../blobs/blob-store.js';

export interface InlineImage {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** `<img … src="data:…">` as sanitize-html writes it (attributes in double quotes, `"` escaped inside). */
const DATA_IMG = /(<img\b[^>]*?\ssrc=")data:([^",;]*)((?:;[^",;]*)*),([^"]*)"/gi;

/**
 * Pictures pasted or dropped in the editor, and those of a quoted original, are data: URLs in the HTML; mail
 * clients show cid: parts of a multipart/related (RFC 2392), and many block data: images. Each distinct picture
 * becomes one part, however often it appears; what is not a picture is dropped rather than sent.
 */
export function inlineDataImages(html: string, domain: string): { html: string; images: InlineImage[] } {
  const byHash = new Map<string, InlineImage>();
  const out = html.replace(DATA_IMG, (_match, head: string, type: string, params: string, payload: string) => {
    const contentType = type.trim().toLowerCase();
    if (!/^image\/[a-z0-9.+-]+$/.test(contentType)) return `${head}"`;
    const content = decodeDataPayload(payload, /;base64$/i.test(params) || /;base64;/i.test(`${params};`));
    if (content.length === 0) return `${head}"`;
    const hash = sha256Hex(content);
    let image = byHash.get(hash);
    if (!image) {
      image = { cid: `${hash.slice(0, 32)}@${domain}`, filename: `image-${byHash.size + 1}.${detectExtension(contentType)}`, contentType, content };
      byHash.set(hash, image);
    }
    return `${head}cid:${image.cid}"`;
  });
  return { html: out, images: [...byHash.values()] };
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
