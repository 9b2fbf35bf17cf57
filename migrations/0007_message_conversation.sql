CREATE TABLE `message_conversation` (
	`message_id` integer PRIMARY KEY NOT NULL,
	`thread_index` text,
	`report_kind` text,
	`report_original` text,
	`subject_key` text,
	`subject_reply` integer DEFAULT false NOT NULL,
	`date` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `message_conversation_thread_index` ON `message_conversation` (`thread_index`) WHERE "message_conversation"."thread_index" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `message_conversation_report_original` ON `message_conversation` (`report_original`) WHERE "message_conversation"."report_original" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `message_conversation_subject` ON `message_conversation` (`subject_key`,`subject_reply`,`date`) WHERE "message_conversation"."subject_key" IS NOT NULL;