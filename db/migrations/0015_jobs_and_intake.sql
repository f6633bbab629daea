CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."text_status" AS ENUM('pending', 'done', 'partial', 'unsupported', 'failed');--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_kind_key_unique" UNIQUE("kind","key")
);
--> statement-breakpoint
CREATE TABLE "evidence_mentions" (
	"evidence_id" uuid NOT NULL,
	"type" "identifier_type" NOT NULL,
	"normalized_value" text NOT NULL,
	"value" text NOT NULL,
	"chain" text,
	"count" integer NOT NULL,
	"locations" jsonb NOT NULL,
	CONSTRAINT "evidence_mentions_evidence_id_type_normalized_value_pk" PRIMARY KEY("evidence_id","type","normalized_value")
);
--> statement-breakpoint
CREATE TABLE "evidence_text_pages" (
	"evidence_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"label" text,
	"text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED,
	CONSTRAINT "evidence_text_pages_evidence_id_page_pk" PRIMARY KEY("evidence_id","page")
);
--> statement-breakpoint
CREATE TABLE "evidence_texts" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"status" text_status DEFAULT 'pending' NOT NULL,
	"format" text,
	"reason" text,
	"page_count" integer DEFAULT 0 NOT NULL,
	"chars" integer DEFAULT 0 NOT NULL,
	"extracted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD COLUMN "source_location" jsonb;--> statement-breakpoint
ALTER TABLE "evidence_mentions" ADD CONSTRAINT "evidence_mentions_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_text_pages" ADD CONSTRAINT "evidence_text_pages_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_texts" ADD CONSTRAINT "evidence_texts_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_after") WHERE "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "evidence_mentions_type_normalized_value_index" ON "evidence_mentions" USING btree ("type","normalized_value");--> statement-breakpoint
CREATE INDEX "evidence_text_pages_search_gin" ON "evidence_text_pages" USING gin ("search");