import { z } from 'zod';

/**
 * What main and the engine's utility process say to each other over `process.parentPort` (never the renderer's
 * port). The engine asks main for what only main can do: safeStorage exists only in the browser process, and
 * Notification and shell.openPath belong there too. Both sides parse what they receive: the other process is
 * ours, but a message that crosses a process boundary is checked once at the door (STYLE.md habit 3).
 */

/** engine process → main */
export const EngineToMain = z.discriminatedUnion('type', [
  z.object({ type: z.literal('secrets.encrypt'), id: z.number().int(), plain: z.string() }),
  z.object({ type: z.literal('secrets.decrypt'), id: z.number().int(), sealed: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('openPath'), id: z.number().int(), path: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('openExternal'), id: z.number().int(), url: z.string().min(1).max(8192) }),
  z.object({
    type: z.literal('chooseSaveLocation'),
    id: z.number().int(),
    question: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('file'), suggestedName: z.string().min(1).max(1024) }),
      z.object({ kind: z.literal('folder') }),
    ]),
  }),
  z.object({ type: z.literal('chooseImportSource'), id: z.number().int(), kind: z.enum(['file', 'folder']) }),
  z.object({ type: z.literal('notify'), title: z.string().max(200), body: z.string().max(1000) }),
]);
export type EngineToMain = z.infer<typeof EngineToMain>;
export type ShellRequest = Extract<EngineToMain, { id: number }>;

/** main → engine process. The renderer's port travels beside an `engine-port` message, in its `ports`. */
export const MainToEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), secretsKind: z.string() }),
  z.object({ type: z.literal('engine-port') }),
  z.object({ type: z.literal('shutdown') }),
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    ok: z.boolean(),
    /** A string for decrypt, the sealed bytes for encrypt, nothing for openPath; the chosen path, or nothing when cancelled. */
    value: z.union([z.string(), z.instanceof(Uint8Array)]).optional(),
    /** Set when ok is false: a sentence the user can act on. */
    message: z.string().optional(),
  }),
]);
export type MainToEngine = z.infer<typeof MainToEngine>;
export type ShellReply = Extract<MainToEngine, { type: 'reply' }>;
