CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'investigator', 'legal');--> statement-breakpoint
CREATE TYPE "public"."case_member_role" AS ENUM('investigator', 'legal', 'observer');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('triage', 'investigating', 'contained', 'referred', 'closed', 'cleared');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."custody_action" AS ENUM('collected', 'uploaded', 'viewed', 'downloaded', 'exported', 'verified', 'verification_failed', 'hold_placed', 'hold_released', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('document', 'screenshot', 'chat_log', 'email', 'hr_record', 'network_log', 'interview_recording', 'code', 'other');--> statement-breakpoint
CREATE TYPE "public"."case_persona_role" AS ENUM('subject', 'facilitator', 'associate', 'victim');--> statement-breakpoint
CREATE TYPE "public"."identifier_type" AS ENUM('email', 'phone', 'postal_address', 'ip', 'device', 'remote_access_id', 'crypto_wallet', 'bank_account', 'payment_account', 'freelance_account', 'social_handle', 'domain', 'resume_hash', 'photo_hash', 'government_id');--> statement-breakpoint
CREATE TYPE "public"."persona_link_relation" AS ENUM('same_person', 'operated_by', 'facilitator_of', 'referred_by', 'associated');--> statement-breakpoint
CREATE TYPE "public"."persona_link_status" AS ENUM('confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."persona_status" AS ENUM('suspected', 'confirmed', 'cleared', 'stolen_identity_victim');--> statement-breakpoint
CREATE TYPE "public"."task_kind" AS ENUM('preserve_evidence', 'revoke_access', 'rotate_secrets', 'recover_device', 'stop_payroll', 'review_access', 'hunt_personas', 'notify_vendor', 'notify_customers', 'correct_records', 'other');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('todo', 'in_progress', 'done', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."referral_destination" AS ENUM('fbi_ic3', 'fbi_field_office', 'ofac_vsd', 'doj_nsd_vsd', 'fincen_sar', 'uk_nca_sar', 'uk_ofsi', 'uk_action_fraud', 'uk_ncsc', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('draft', 'submitted', 'acknowledged', 'closed', 'declined');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "case_members" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "case_member_role" NOT NULL,
	"added_by_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_members_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_note_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"body" text NOT NULL,
	"edited_by_id" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body)) STORED
);
--> statement-breakpoint
CREATE TABLE "case_ref_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" "case_status" DEFAULT 'triage' NOT NULL,
	"severity" "severity" DEFAULT 'medium' NOT NULL,
	"lead_id" uuid,
	"subject_name" text,
	"subject_role" text,
	"subject_team" text,
	"subject_hiring_channel" text,
	"subject_start_date" date,
	"subject_access_level" text,
	"subject_location" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_date" date,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contained_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closing_reason" text,
	"exhibit_counter" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(subject_name, '') || ' ' || coalesce(subject_role, '') || ' ' || coalesce(subject_team, '') || ' ' || coalesce(subject_hiring_channel, '') || ' ' || coalesce(subject_location, ''))) STORED,
	CONSTRAINT "cases_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "custody_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evidence_id" uuid NOT NULL,
	"action" "custody_action" NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"exhibit_no" integer NOT NULL,
	"title" text NOT NULL,
	"kind" "evidence_kind" DEFAULT 'other' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sha256" char(64) NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"claimed_mime_type" text,
	"original_name" text NOT NULL,
	"collected_at" timestamp with time zone,
	"collected_by" text,
	"source" text,
	"privileged" boolean DEFAULT false NOT NULL,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"hold_reason" text,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" uuid,
	"delete_reason" text,
	CONSTRAINT "evidence_caseId_exhibitNo_unique" UNIQUE("case_id","exhibit_no")
);
--> statement-breakpoint
CREATE TABLE "case_personas" (
	"case_id" uuid NOT NULL,
	"persona_id" uuid NOT NULL,
	"role" "case_persona_role" NOT NULL,
	"added_by_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_personas_case_id_persona_id_pk" PRIMARY KEY("case_id","persona_id")
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "identifier_type" NOT NULL,
	"value" text NOT NULL,
	"normalized_value" text NOT NULL,
	"chain" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identifiers_type_normalizedValue_unique" UNIQUE("type","normalized_value")
);
--> statement-breakpoint
CREATE TABLE "persona_identifiers" (
	"persona_id" uuid NOT NULL,
	"identifier_id" uuid NOT NULL,
	"source_evidence_id" uuid,
	"confidence" integer DEFAULT 50 NOT NULL,
	"asserted_by_id" uuid,
	"observed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_identifiers_persona_id_identifier_id_pk" PRIMARY KEY("persona_id","identifier_id")
);
--> statement-breakpoint
CREATE TABLE "persona_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_persona_id" uuid NOT NULL,
	"to_persona_id" uuid NOT NULL,
	"relation" "persona_link_relation" NOT NULL,
	"status" "persona_link_status" DEFAULT 'confirmed' NOT NULL,
	"confidence" integer DEFAULT 50 NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"evidence_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_links_fromPersonaId_toPersonaId_relation_unique" UNIQUE("from_persona_id","to_persona_id","relation"),
	CONSTRAINT "persona_links_not_self" CHECK ("persona_links"."from_persona_id" <> "persona_links"."to_persona_id")
);
--> statement-breakpoint
CREATE TABLE "persona_red_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"persona_id" uuid NOT NULL,
	"code" text NOT NULL,
	"note" text,
	"evidence_id" uuid,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persona_red_flags_personaId_code_unique" UNIQUE("persona_id","code")
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"claimed_location" text,
	"claimed_timezone" text,
	"claimed_nationality" text,
	"claimed_education" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"claimed_employers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "persona_status" DEFAULT 'suspected' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"photo_evidence_id" uuid,
	"risk_score" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remediation_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "task_kind" NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_at" timestamp with time zone,
	"status" "task_status" DEFAULT 'todo' NOT NULL,
	"completion_note" text,
	"evidence_id" uuid,
	"template_id" text,
	"template_step" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remediation_tasks_caseId_templateId_templateStep_unique" UNIQUE("case_id","template_id","template_step")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"what" text NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_id" uuid,
	"sha256" char(64),
	"export_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"destination" "referral_destination" NOT NULL,
	"destination_name" text,
	"status" "referral_status" DEFAULT 'draft' NOT NULL,
	"reference_no" text,
	"submitted_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"contact" text,
	"deadline_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"created_by_id" uuid,
	"status" "export_status" DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_name" text,
	"size" bigint,
	"sha256" char(64),
	"manifest_sha256" char(64),
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"detail" jsonb NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_members" ADD CONSTRAINT "case_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_members" ADD CONSTRAINT "case_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_members" ADD CONSTRAINT "case_members_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note_revisions" ADD CONSTRAINT "case_note_revisions_note_id_case_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."case_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_note_revisions" ADD CONSTRAINT "case_note_revisions_edited_by_id_users_id_fk" FOREIGN KEY ("edited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_events" ADD CONSTRAINT "custody_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_deleted_by_id_users_id_fk" FOREIGN KEY ("deleted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_personas" ADD CONSTRAINT "case_personas_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_personas" ADD CONSTRAINT "case_personas_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_personas" ADD CONSTRAINT "case_personas_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD CONSTRAINT "persona_identifiers_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD CONSTRAINT "persona_identifiers_identifier_id_identifiers_id_fk" FOREIGN KEY ("identifier_id") REFERENCES "public"."identifiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD CONSTRAINT "persona_identifiers_source_evidence_id_evidence_id_fk" FOREIGN KEY ("source_evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_identifiers" ADD CONSTRAINT "persona_identifiers_asserted_by_id_users_id_fk" FOREIGN KEY ("asserted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_links" ADD CONSTRAINT "persona_links_from_persona_id_personas_id_fk" FOREIGN KEY ("from_persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_links" ADD CONSTRAINT "persona_links_to_persona_id_personas_id_fk" FOREIGN KEY ("to_persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_links" ADD CONSTRAINT "persona_links_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_links" ADD CONSTRAINT "persona_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_red_flags" ADD CONSTRAINT "persona_red_flags_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_red_flags" ADD CONSTRAINT "persona_red_flags_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persona_red_flags" ADD CONSTRAINT "persona_red_flags_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_photo_evidence_id_evidence_id_fk" FOREIGN KEY ("photo_evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_tasks" ADD CONSTRAINT "remediation_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_tasks" ADD CONSTRAINT "remediation_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_tasks" ADD CONSTRAINT "remediation_tasks_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_tasks" ADD CONSTRAINT "remediation_tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_export_id_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."exports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_index" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_members_user_id_index" ON "case_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_note_revisions_note_id_index" ON "case_note_revisions" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "case_notes_case_id_created_at_index" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_notes_search_gin" ON "case_notes" USING gin ("search");--> statement-breakpoint
CREATE INDEX "cases_status_opened_at_index" ON "cases" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "cases_severity_index" ON "cases" USING btree ("severity");--> statement-breakpoint
CREATE INDEX "cases_lead_id_index" ON "cases" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "cases_opened_at_index" ON "cases" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "cases_due_date_index" ON "cases" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "cases_tags_gin" ON "cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "cases_search_gin" ON "cases" USING gin ("search");--> statement-breakpoint
CREATE INDEX "custody_events_evidence_id_at_index" ON "custody_events" USING btree ("evidence_id","at");--> statement-breakpoint
CREATE INDEX "evidence_sha256_index" ON "evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evidence_case_id_created_at_index" ON "evidence" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_personas_persona_id_index" ON "case_personas" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "persona_identifiers_identifier_id_index" ON "persona_identifiers" USING btree ("identifier_id");--> statement-breakpoint
CREATE INDEX "persona_links_to_persona_id_index" ON "persona_links" USING btree ("to_persona_id");--> statement-breakpoint
CREATE INDEX "persona_red_flags_code_index" ON "persona_red_flags" USING btree ("code");--> statement-breakpoint
CREATE INDEX "personas_display_name_index" ON "personas" USING btree ("display_name");--> statement-breakpoint
CREATE INDEX "personas_risk_score_index" ON "personas" USING btree ("risk_score");--> statement-breakpoint
CREATE INDEX "remediation_tasks_case_id_position_index" ON "remediation_tasks" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "remediation_tasks_owner_id_status_due_at_index" ON "remediation_tasks" USING btree ("owner_id","status","due_at");--> statement-breakpoint
CREATE INDEX "remediation_tasks_status_due_at_index" ON "remediation_tasks" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "disclosures_referral_id_sent_at_index" ON "disclosures" USING btree ("referral_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_case_id_index" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_status_deadline_at_index" ON "referrals" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "referrals_destination_index" ON "referrals" USING btree ("destination");--> statement-breakpoint
CREATE INDEX "exports_case_id_created_at_index" ON "exports" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "exports_created_at_index" ON "exports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_case_id_seq_index" ON "audit_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_entity_type_entity_id_index" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_seq_index" ON "audit_events" USING btree ("actor_id","seq");