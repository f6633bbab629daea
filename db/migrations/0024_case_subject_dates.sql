ALTER TABLE "cases" ADD COLUMN "subject_hired_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_device_shipped_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_first_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_terminated_on" date;