import { openTestEngine } from './engine.js';

/**
 * A test engine whose local folders take mail straight in: `receive` into the Inbox, `send` into Sent (sent mail
 * files by its recipients), each returning the new message's id.
 */
export async function openLocalMailEngine() {
  const t = await openTestEngine();
  const tree = await t.api.folders.tree();
  const local = (kind: string) => tree.folders.find((f) => f.accountId === null && f.kind === kind)!.id;
  const receive = async (raw: string) => (await t.api.messages.ingest({ raw, folder: local('inbox') })).id;
  const send = async (raw: string) => (await t.api.messages.ingest({ raw, folder: local('sent') })).id;
  return { ...t, receive, send };
}
