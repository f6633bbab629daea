CREATE TABLE "sanctions_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"persona_id" uuid NOT NULL,
	"source" "sanctions_source" NOT NULL,
	"ent_num" text NOT NULL,
	"matched" jsonb NOT NULL,
	"exact" boolean NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by_id" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reopened_by_id" uuid,
	"reopened_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sanctions_dismissals" ADD CONSTRAINT "sanctions_dismissals_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_dismissals" ADD CONSTRAINT "sanctions_dismissals_dismissed_by_id_users_id_fk" FOREIGN KEY ("dismissed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions_dismissals" ADD CONSTRAINT "sanctions_dismissals_reopened_by_id_users_id_fk" FOREIGN KEY ("reopened_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sanctions_dismissals_active_unique" ON "sanctions_dismissals" USING btree ("persona_id","source","ent_num") WHERE "sanctions_dismissals"."reopened_at" is null;