CREATE TABLE `account_agents` (
	`account_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	PRIMARY KEY(`account_id`, `agent_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_agents_agent` ON `account_agents` (`agent_id`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`incoming_protocol` text DEFAULT 'none' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`name` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `addresses_address_unique` ON `addresses` (`address`);--> statement-breakpoint
CREATE TABLE `agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`locale` text,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`position` integer NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`content_id` text,
	`inline` integer DEFAULT false NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_message` ON `attachments` (`message_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`email` text,
	`email2` text,
	`company_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_email` ON `contacts` (`email`);--> statement-breakpoint
CREATE INDEX `contacts_email2` ON `contacts` (`email2`);--> statement-breakpoint
CREATE INDEX `contacts_company` ON `contacts` (`company_id`);--> statement-breakpoint
CREATE TABLE `folders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`account_id` integer,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`remote_name` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `folders`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `folders_parent` ON `folders` (`parent_id`);--> statement-breakpoint
CREATE TABLE `message_addresses` (
	`message_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	`address_id` integer NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`message_id`, `role`, `position`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`address_id`) REFERENCES `addresses`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `message_addresses_address` ON `message_addresses` (`address_id`);--> statement-breakpoint
CREATE TABLE `message_refs` (
	`message_id` integer NOT NULL,
	`ref` text NOT NULL,
	PRIMARY KEY(`message_id`, `ref`),
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_refs_ref` ON `message_refs` (`ref`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`folder_id` integer NOT NULL,
	`account_id` integer,
	`message_id` text,
	`in_reply_to` text,
	`subject` text DEFAULT '' NOT NULL,
	`from_name` text DEFAULT '' NOT NULL,
	`from_address` text DEFAULT '' NOT NULL,
	`date` integer,
	`received_at` integer NOT NULL,
	`direction` text DEFAULT 'in' NOT NULL,
	`seen` integer DEFAULT false NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`answered` integer DEFAULT false NOT NULL,
	`draft` integer DEFAULT false NOT NULL,
	`junk` integer DEFAULT false NOT NULL,
	`malformed` integer DEFAULT false NOT NULL,
	`malformed_reason` text,
	`category` text,
	`private` integer DEFAULT false NOT NULL,
	`owner_agent_id` integer,
	`thread_id` text NOT NULL,
	`uid` integer,
	`uid_validity` integer,
	`pop3_uidl` text,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`source` blob,
	`source_blob` text,
	`source_format` text NOT NULL,
	`headers` text DEFAULT '' NOT NULL,
	`text_body` text,
	`html_body` text,
	`snippet` text DEFAULT '' NOT NULL,
	`has_attachments` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`folder_id`) REFERENCES `folders`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "messages_one_source" CHECK(("messages"."source" IS NULL) <> ("messages"."source_blob" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `messages_folder_date` ON `messages` (`folder_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `messages_message_id` ON `messages` (`message_id`);--> statement-breakpoint
CREATE INDEX `messages_thread` ON `messages` (`thread_id`);--> statement-breakpoint
CREATE INDEX `messages_sha256` ON `messages` (`sha256`);--> statement-breakpoint
CREATE INDEX `messages_source_blob` ON `messages` (`source_blob`);