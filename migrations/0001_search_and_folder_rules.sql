-- Full-text index over subject, people (names and addresses of every role), body text and attachment names.
-- Contentless (the text already lives in messages and attachments) with contentless_delete so rows can be
-- removed and replaced; rowid is messages.id. remove_diacritics 2 lets "eleve" find "élève" and "sedinta" find
-- "ședința". The repos keep it in step inside the same transaction as the message rows.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	subject,
	people,
	body,
	attachments,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- One name per sibling folder, per account (Local Folders: account 0). NULLs are distinct in SQLite unique
-- indexes, hence coalesce.
CREATE UNIQUE INDEX `folders_sibling_name` ON `folders` (coalesce(`account_id`, 0), coalesce(`parent_id`, 0), `name`);
--> statement-breakpoint
-- One folder of each special kind per account and one for Local Folders.
CREATE UNIQUE INDEX `folders_one_special_per_owner` ON `folders` (coalesce(`account_id`, 0), `kind`)
	WHERE `kind` IN ('inbox', 'sent', 'drafts', 'outbox', 'junk', 'trash', 'templates', 'shared', 'internal');
