CREATE TABLE `document_folders` (
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`path` text NOT NULL,
	PRIMARY KEY(`record_type`, `record_id`, `path`)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`folder` text DEFAULT '' NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`added_by` integer,
	`source_message_id` integer,
	`source_subject` text,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`added_by`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `documents_record` ON `documents` (`record_type`,`record_id`,`folder`);--> statement-breakpoint
CREATE INDEX `documents_sha256` ON `documents` (`sha256`);--> statement-breakpoint
CREATE INDEX `documents_source_message` ON `documents` (`source_message_id`) WHERE "documents"."source_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `documents_deleted` ON `documents` (`deleted_at`) WHERE "documents"."deleted_at" IS NOT NULL;