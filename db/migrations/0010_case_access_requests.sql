CREATE TYPE "public"."access_request_kind" AS ENUM('legal_review', 'access');--> statement-breakpoint
CREATE TYPE "public"."access_request_status" AS ENUM('pending', 'granted', 'refused');--> statement-breakpoint
CREATE TABLE "case_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "access_request_kind" NOT NULL,
	"user_id" uuid NOT NULL,
	"requested_by_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"status" "access_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_access_requests" ADD CONSTRAINT "case_access_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_requests" ADD CONSTRAINT "case_access_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_requests" ADD CONSTRAINT "case_access_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_requests" ADD CONSTRAINT "case_access_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_requests_case_id_kind_status_index" ON "case_access_requests" USING btree ("case_id","kind","status");--> statement-breakpoint
CREATE INDEX "case_access_requests_user_id_kind_index" ON "case_access_requests" USING btree ("user_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "case_access_requests_one_pending" ON "case_access_requests" USING btree ("case_id","user_id") WHERE "case_access_requests"."kind" = 'access' and "case_access_requests"."status" = 'pending';