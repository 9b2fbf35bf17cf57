import { execFileSync } from 'node:child_process';

/** One MIME part as Python's `email` package (policy.default) reads it. */
export interface PyPart {
  type: string;
  disposition: string | null;
  filename: string | null;
  contentId: string | null;
  charset: string | null;
  transferEncoding: string | null;
  parts?: PyPart[];
  /** Decoded text of a text/* part. */
  text?: string;
  /** Size and sha256 of a decoded binary part. */
  size?: number;
  sha256?: string;
  /** The headers of an attached message/rfc822. */
  attached?: Record<string, string[]>;
}

export interface PyMessage {
  /** Header values, decoded (RFC 2047), by lower-case name. */
  headers: Record<string, string[]>;
  /** The header block exactly as on the wire. */
  rawHeaders: string;
  tree: PyPart;
  /** What the parser found wrong (missing boundaries, bad encodings…): an empty list for a well-formed message. */
  defects: string[];
}

const SCRIPT = String.raw`
import sys, json, hashlib, email
from email import policy

raw = sys.stdin.buffer.read()
msg = email.message_from_bytes(raw, policy=policy.default)
defects = []

def headers_of(m):
    out = {}
    for k in m.keys():
        out.setdefault(k.lower(), [str(v) for v in m.get_all(k)])
    return out

def walk(part):
    defects.extend(type(d).__name__ for d in part.defects)
    d = {
        'type': part.get_content_type(),
        'disposition': part.get_content_disposition(),
        'filename': part.get_filename(),
        'contentId': part.get('Content-ID'),
        'charset': part.get_content_charset(),
        'transferEncoding': part.get('Content-Transfer-Encoding'),
    }
    if part.get_content_type() == 'message/rfc822':
        d['attached'] = headers_of(part.get_content())
    elif part.is_multipart():
        d['parts'] = [walk(p) for p in part.iter_parts()]
    elif part.get_content_maintype() == 'text':
        d['text'] = part.get_content()
    else:
        data = part.get_content()
        d['size'] = len(data)
        d['sha256'] = hashlib.sha256(data).hexdigest()
    return d

end = raw.find(b'\r\n\r\n')
tree = walk(msg)
print(json.dumps({'headers': headers_of(msg), 'rawHeaders': raw[:end].decode('latin-1'), 'tree': tree, 'defects': defects}))
`;

/**
 * Reads a message with Python's standard `email` package, an independent MIME implementation: what Facteur builds
 * must read the same there (headers decoded, structure, parts, file names) as it does in Facteur.
 */
export function parseWithPython(raw: Buffer): PyMessage {
  const out = execFileSync('python3', ['-c', SCRIPT], { input: raw, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as PyMessage;
}

/** The part tree as "type" strings, nested like the message: easy to compare whole. */
export function shape(part: PyPart): unknown {
  return part.parts ? { [part.type]: part.parts.map(shape) } : part.type;
}

/** Every leaf part, depth first. */
export function leaves(part: PyPart): PyPart[] {
  return part.parts ? part.parts.flatMap(leaves) : [part];
}
