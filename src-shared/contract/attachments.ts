import { z } from 'zod';
import { Id } from './common.js';
import { command } from './define.js';

const base64 = z.base64();

/** Thumbnails are made from images up to this size; bigger ones show their type's icon. */
export const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A message's files, fetched by attachment id. The engine checks each time that the agent may read the message
 * (its account, and its content when it is private), and names files only with safeFileName().
 */
export const attachmentsCommands = {
  /**
   * The bytes of a small raster image (PNG, JPEG, GIF, WebP, BMP, AVIF, recognised by its first bytes, not by what
   * the sender declared), for a thumbnail. `data` is null for anything else or anything over THUMBNAIL_MAX_BYTES.
   */
  'attachments.thumbnail': command(
    z.object({ id: Id }),
    z.object({ id: Id, contentType: z.string().nullable(), data: base64.nullable() }),
  ),
  /** The file's bytes, for a download from the browser window. */
  'attachments.content': command(
    z.object({ id: Id }),
    z.object({ id: Id, filename: z.string(), contentType: z.string(), size: z.number().int(), data: base64 }),
  ),
  /** Every attachment of a message in one zip archive ("Save all" as one download in the browser). */
  'attachments.zip': command(
    z.object({ messageId: Id }),
    z.object({ filename: z.string(), count: z.number().int(), data: base64 }),
  ),
  /**
   * Opens a copy of the file with the system's default application. Programs and scripts (.exe, .sh, .desktop…)
   * are refused with FORBIDDEN: they can be saved, never opened from here.
   */
  'attachments.open': command(z.object({ id: Id }), z.object({ path: z.string() })),
  /**
   * Saves through the host's own dialog (the desktop app): one file asks where to save it, several ask for a folder
   * and keep the files' names, never overwriting one already there. `paths` is empty when the person cancelled.
   * UNAVAILABLE on a host without dialogs (the browser window downloads instead).
   */
  'attachments.save': command(
    z.object({ ids: z.array(Id).min(1).max(1000) }),
    z.object({ paths: z.array(z.string()), folder: z.string().nullable() }),
  ),
};
