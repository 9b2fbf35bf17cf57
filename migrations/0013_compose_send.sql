CREATE TABLE `agent_preferences` (
	`agent_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`agent_id`, `key`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `blob_holds` (
	`sha256` text NOT NULL,
	`holder` text NOT NULL,
	`holder_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`holder`, `holder_id`, `sha256`)
);
--> statement-breakpoint
CREATE INDEX `blob_holds_sha256` ON `blob_holds` (`sha256`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agent_id` integer NOT NULL,
	`draft` text NOT NULL,
	`message_id` integer,
	`saved_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `drafts_agent` ON `drafts` (`agent_id`,`saved_at`);--> statement-breakpoint
CREATE TABLE `mailing_recipients` (
	`mailing_id` integer NOT NULL,
	`position` integer NOT NULL,
	`record_type` text,
	`record_id` integer,
	`name` text DEFAULT '' NOT NULL,
	`address` text,
	`state` text DEFAULT 'waiting' NOT NULL,
	`reason` text,
	`message_id` integer,
	PRIMARY KEY(`mailing_id`, `position`),
	FOREIGN KEY (`mailing_id`) REFERENCES `mailings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mailing_recipients_message` ON `mailing_recipients` (`message_id`);--> statement-breakpoint
CREATE TABLE `mailings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`agent_id` integer,
	`subject` text NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`per_minute` integer DEFAULT 30 NOT NULL,
	`next_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `signatures` (
	`account_id` integer PRIMARY KEY NOT NULL,
	`html` text DEFAULT '' NOT NULL,
	`position` text DEFAULT 'above-quote' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`folder_id` integer NOT NULL,
	`name` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`greeting` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`closing` text DEFAULT '' NOT NULL,
	`category` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`deleted_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`folder_id`) REFERENCES `folders`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `templates_folder` ON `templates` (`folder_id`);--> statement-breakpoint
ALTER TABLE `messages` ADD `read_by_recipient_at` integer;--> statement-breakpoint
ALTER TABLE `messages` ADD `bounce` text;