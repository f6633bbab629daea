import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareForm } from "@/components/exports/share-form";
import { ShareList } from "@/components/exports/share-list";
import { PageHeader } from "@/components/shell/page-header";
import { LocalDateTime } from "@/components/ui/local-time";
import { requireActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { exportIdParamsSchema } from "@/lib/exports/schema";
import { formatBytes } from "@/lib/format";
import { listCaseReferrals } from "@/lib/referrals/list-case-referrals";
import { getExportSharing } from "@/lib/shares/get-export-sharing";
import { listShares } from "@/lib/shares/list-shares";

export const metadata: Metadata = { title: "Evidence pack" };

// No loading.tsx: the visibility check must finish before the response starts, so a pack the
// reader may not see answers 404 (a streamed response has already sent 200).
export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const parsed = exportIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { pack, canShare: sharing } = await getExportSharing({ actor, exportId: parsed.data.id }).catch(
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
      throw error;
    },
  );
  const shares = sharing ? await listShares({ actor, exportId: pack.id }) : [];
  const referrals = sharing ? (await listCaseReferrals({ actor, caseId: pack.caseId })).items : [];
  return (
    <>
      <PageHeader
        title={pack.fileName ?? "Evidence pack"}
        description={
          <>
            Made for{" "}
            <Link className="underline" href={`/cases/${pack.caseId}`}>
              {pack.caseRef}
            </Link>{" "}
            by {pack.createdBy?.name ?? "a former user"}, <LocalDateTime iso={pack.createdAt} />.
          </>
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Status</dt>
        <dd>{pack.status}</dd>
        <dt className="font-medium">Size</dt>
        <dd>{pack.size === null ? "—" : formatBytes(pack.size)}</dd>
        <dt className="font-medium">SHA-256</dt>
        <dd className="font-mono text-xs break-all" data-testid="export-sha256">
          {pack.sha256 ?? "—"}
        </dd>
      </dl>
      {sharing ? (
        <section aria-labelledby="sharing" className="flex flex-col gap-4">
          <h2 id="sharing" className="text-lg font-semibold">
            Share with someone outside
          </h2>
          <p className="text-sm text-muted-foreground">
            A link lets one named recipient download this pack without an account, until it expires, is used up or is
            revoked. Each download is logged with the time, the recipient’s network address and the pack’s SHA-256, and
            in the chosen referral’s disclosure log.
          </p>
          <ShareForm
            exportId={pack.id}
            referrals={referrals.map((r) => ({
              id: r.id,
              label: `${r.destinationLabel}${r.referenceNo ? ` (${r.referenceNo})` : ""}`,
            }))}
          />
          <ShareList exportId={pack.id} initial={shares} />
        </section>
      ) : null}
    </>
  );
}
