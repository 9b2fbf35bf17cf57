/** An inline part the HTML may reference by `cid:`. */
export interface InlinePart {
  contentId: string;
  contentType: string;
  load: () => Buffer;
}

/** Larger inline parts are left as cid: links (the reading pane shows them as blocked) rather than bloating the page. */
const MAX_INLINE_BYTES = 5 * 1024 * 1024;

/**
 * Turns `cid:` references into data: URLs of the message's own parts, so the sandboxed reading pane needs no
 * network and no access to other messages' files. Only image types are inlined: a cid: pointing at anything else
 * stays inert.
 */
export function resolveCidLinks(html: string, parts: InlinePart[]): string {
  const byCid = new Map(parts.map((p) => [p.contentId.toLowerCase(), p]));
  const cache = new Map<string, string>();
  return html.replace(/\bcid:([^'"\s)>]{1,256})/gi, (match, rawCid: string) => {
    const cid = decodeURIComponentSafe(rawCid).replace(/^<|>$/g, '').toLowerCase();
    const part = byCid.get(cid);
    if (!part || !/^image\/[a-z0-9.+-]+$/.test(part.contentType)) return match;
    let url = cache.get(cid);
    if (url === undefined) {
      const bytes = part.load();
      url = bytes.length <= MAX_INLINE_BYTES ? `data:${part.contentType};base64,${bytes.toString('base64')}` : match;
      cache.set(cid, url);
    }
    return url;
  });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
