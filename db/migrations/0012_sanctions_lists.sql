CREATE TYPE "public"."sanctions_list_status" AS ENUM('importing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sanctions_source" AS ENUM('ofac_sdn_csv', 'ftm');--> statement-breakpoint
CREATE TABLE "sanctions_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"ent_num" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"programs" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text,
	"remarks" text,
	"remarks_cut" boolean DEFAULT false NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"birth_dates" text[] DEFAULT '{}'::text[] NOT NULL,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"identifiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sanctions_entries_listId_entNum_unique" UNIQUE("list_id","ent_num")
);
--> statement-breakpoint
CREATE TABLE "sanctions_keys" (
	"list_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"type" "identifier_type" NOT NULL,
	"normalized_value" text NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" "sanctions_source" NOT NULL,
	"published_at" date,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	"status" "sanctions_list_status" DEFAULT 'importing' NOT NULL,
	"error" text,
	"imported_by_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "sanctions_lists_source_sha256_unique" UNIQUE("source","sha256")
);
--> statement-breakpoint
ALTER TABLE "sanctions_entries" ADD CONSTRAINT "sanctions_entries_list_id_sanctions_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sanctions_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_keys" ADD CONSTRAINT "sanctions_keys_list_id_sanctions_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."sanctions_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_keys" ADD CONSTRAINT "sanctions_keys_entry_id_sanctions_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."sanctions_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_lists" ADD CONSTRAINT "sanctions_lists_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sanctions_keys_type_normalized_value_index" ON "sanctions_keys" USING btree ("type","normalized_value");--> statement-breakpoint
CREATE INDEX "sanctions_keys_entry_id_index" ON "sanctions_keys" USING btree ("entry_id");