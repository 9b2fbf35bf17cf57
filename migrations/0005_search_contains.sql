-- "Contains" search over the short fields people type fragments of: subject, sender, people (names and addresses
-- of every role) and
-- attachment names (".pdf" finds every PDF). The trigram tokenizer matches any 3+ character substring through the
-- index, case- and accent-insensitively. Body text stays in messages_fts (word and prefix search): a trigram index
-- of every body would cost several times the mail's size. Contentless, rowid = messages.id, written by the repo.
CREATE VIRTUAL TABLE `messages_trigram` USING fts5(
	subject,
	sender,
	people,
	attachments,
	content = '',
	contentless_delete = 1,
	tokenize = 'trigram remove_diacritics 1'
);
--> statement-breakpoint
-- Messages stored before this migration.
INSERT INTO `messages_trigram` (rowid, subject, sender, people, attachments)
SELECT m.id, m.subject, m.from_name || ' ' || m.from_address,
	coalesce((SELECT group_concat(ma.name || ' ' || a.address, ' ') FROM message_addresses ma JOIN addresses a ON a.id = ma.address_id WHERE ma.message_id = m.id), ''),
	coalesce((SELECT group_concat(filename, ' ') FROM attachments WHERE message_id = m.id), '')
FROM messages m;
