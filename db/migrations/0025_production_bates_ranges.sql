ALTER TABLE "exports" ADD COLUMN "bates_prefix" text;--> statement-breakpoint
ALTER TABLE "exports" ADD COLUMN "bates_first" integer;--> statement-breakpoint
ALTER TABLE "exports" ADD COLUMN "bates_last" integer;--> statement-breakpoint
CREATE INDEX "exports_case_id_bates_prefix_index" ON "exports" USING btree ("case_id","bates_prefix");