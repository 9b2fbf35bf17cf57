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
