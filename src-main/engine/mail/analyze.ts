import { sha256Hex } from '../blobs/blob-store.js';
import { conversationKeysOf, type ConversationKeys } from './conversation-keys.js';
import { scanMime } from './mime-scan.js';
import { parseMessage, type ParsedMessage } from './parse.js';
import { buildSource, type BuiltSource } from './source.js';

/** Everything ingest learns from the bytes alone: pure CPU work, so it can run on a worker thread. */
export interface Analysis {
  parsed: ParsedMessage;
  problems: string[];
  /** sha256 of each attachment's content, in the order of parsed.attachments. */
  attachmentShas: string[];
  source: BuiltSource;
  conversation: ConversationKeys;
}

export async function analyzeMessage(raw: Buffer, rawSha256: string): Promise<Analysis> {
  const scan = scanMime(raw);
  const parsed = await parseMessage(raw);
  const problems = [...scan.problems, ...(parsed.parseError ? [parsed.parseError] : [])];
  const attachmentBlobs = new Map<string, Buffer>();
  const attachmentShas = parsed.attachments.map((a) => {
    const sha = sha256Hex(a.content);
    attachmentBlobs.set(sha, a.content);
    return sha;
  });
  const conversation = conversationKeysOf(raw, scan, parsed);
  return { parsed, problems, attachmentShas, source: buildSource(raw, scan.leaves, attachmentBlobs, rawSha256), conversation };
}
