import type Database from 'better-sqlite3';

/**
 * A mailing's recipient follows its copy's outbox row: sent, failed (the server's words stay on the outbox row),
 * or queued again (retry, "send again", an interrupted send waiting for an answer). This has to happen in the
 * statement that changes the outbox, not afterwards: a server that files sent mail itself has the copy deleted
 * right after it is marked sent (smtp/outbox.ts fileSent), taking the outbox row with it, and a copy deleted from
 * the Outbox before it went must not wait for ever.
 *
 * TEMP triggers: they live on this connection only (the engine is the one writer, and every engine installs them
 * when it opens), so they are no schema change and need no migration.
 */
export function followOutbox(sqlite: Database.Database): void {
  sqlite.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS mailing_copy_outbox_state AFTER UPDATE OF state ON main.outbox
    BEGIN
      UPDATE mailing_recipients
        SET state = CASE NEW.state WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END,
            reason = CASE NEW.state WHEN 'failed' THEN 'send-failed' ELSE NULL END
        WHERE message_id = NEW.message_id;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS mailing_copy_deleted BEFORE DELETE ON main.messages
    BEGIN
      UPDATE mailing_recipients SET state = 'failed', reason = 'send-failed'
        WHERE message_id = OLD.id AND state = 'queued';
    END;
  `);
}
