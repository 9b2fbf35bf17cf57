CREATE TABLE `account_secrets` (
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sealed` blob NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `kind`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `folder_sync` (
	`folder_id` integer PRIMARY KEY NOT NULL,
	`uid_validity` integer,
	`uid_next` integer,
	`highest_modseq` integer,
	`server_count` integer,
	`lowest_uid` integer,
	`synced_at` integer,
	`error` text,
	FOREIGN KEY (`folder_id`) REFERENCES `folders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`message_id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`envelope_from` text NOT NULL,
	`envelope_to` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`retry_after` integer,
	`send_after` integer,
	`last_error` text,
	`in_reply_to_message` integer,
	`sent_at` integer,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`in_reply_to_message`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_account_state` ON `outbox` (`account_id`,`state`);--> statement-breakpoint
CREATE TABLE `pop3_seen` (
	`account_id` integer NOT NULL,
	`uidl` text NOT NULL,
	`message_id` integer,
	`sha256` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`deleted_on_server` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`account_id`, `uidl`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`retry_after` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tasks_account_state` ON `tasks` (`account_id`,`state`,`id`);--> statement-breakpoint
ALTER TABLE `folders` ADD `delimiter` text;--> statement-breakpoint
CREATE INDEX `messages_folder_uid` ON `messages` (`folder_id`,`uid`);