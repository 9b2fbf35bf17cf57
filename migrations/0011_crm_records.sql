CREATE TABLE `address_states` (
	`address` text PRIMARY KEY NOT NULL,
	`blacklisted_at` integer,
	`bounce` text,
	`bounced_at` integer
);
--> statement-breakpoint
CREATE TABLE `crm_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'todo' NOT NULL,
	`due_at` integer,
	`assignee_id` integer,
	`notes` text DEFAULT '' NOT NULL,
	`done_at` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `deals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`company_id` integer,
	`contact_id` integer,
	`amount` real,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`stage` text DEFAULT 'open' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deals_company` ON `deals` (`company_id`);--> statement-breakpoint
CREATE INDEX `deals_contact` ON `deals` (`contact_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`location` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`email` text,
	`phone` text DEFAULT '' NOT NULL,
	`company_name` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`contact_id` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`addressee_id` integer,
	`message_id` integer,
	`read_at` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`addressee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notes_addressee` ON `notes` (`addressee_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notes_message` ON `notes` (`message_id`);--> statement-breakpoint
CREATE TABLE `record_relations` (
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`related_type` text NOT NULL,
	`related_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`record_type`, `record_id`, `related_type`, `related_id`)
);
--> statement-breakpoint
CREATE INDEX `record_relations_related` ON `record_relations` (`related_type`,`related_id`);--> statement-breakpoint
CREATE TABLE `removed_message_links` (
	`message_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`message_id`, `record_type`, `record_id`),
	FOREIGN KEY (`message_id`) REFERENCES `removed_messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `removed_message_links_record` ON `removed_message_links` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `removed_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`account_id` integer,
	`sha256` text NOT NULL,
	`thread_id` text NOT NULL,
	`subject` text NOT NULL,
	`from_name` text NOT NULL,
	`from_address` text NOT NULL,
	`recipients` text NOT NULL,
	`date` integer,
	`direction` text NOT NULL,
	`private` integer DEFAULT false NOT NULL,
	`owner_agent_id` integer,
	`snippet` text NOT NULL,
	`text_body` text,
	`removed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `removed_messages_sha256` ON `removed_messages` (`sha256`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`subject` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`requester_id` integer NOT NULL,
	`company_id` integer,
	`queue` text NOT NULL,
	`assignee_id` integer,
	`closed_at` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`requester_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_unique` ON `tickets` (`number`);--> statement-breakpoint
CREATE INDEX `tickets_requester` ON `tickets` (`requester_id`);--> statement-breakpoint
CREATE INDEX `tickets_company` ON `tickets` (`company_id`);--> statement-breakpoint
-- An email belongs to one ticket at most (hand-written: drizzle-kit has no partial indexes).
CREATE UNIQUE INDEX `message_links_one_ticket` ON `message_links` (`message_id`) WHERE `record_type` = 'ticket';
