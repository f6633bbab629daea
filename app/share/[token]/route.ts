import { clientAddress } from "@/lib/auth/client-address";
import { downloadShare } from "@/lib/shares/download-share";
import { findShare } from "@/lib/shares/find-share";
import { goneSharePage, sharePage, sharePageHeaders } from "@/lib/shares/share-page";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ token: string }>;
}

const page = (html: string, status: number) => new Response(html, { status, headers: sharePageHeaders });

/*
 * A share link's page, for someone without an account: the token in the address is the only key.
 * Looking at the page counts nothing; only the Download button (a POST, which link scanners in
 * mail systems do not send) counts a download.
 */

// GET /share/{token} — what the pack is (file, size, SHA-256, who shared it, expiry) and a Download button.
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const share = await findShare((await params).token);
  if (!share) return page(goneSharePage(404), 404);
  if (share.status !== "active") return page(goneSharePage(410), 410);
  return page(sharePage(share), 200);
}

// POST /share/{token} — the download (with the one-time code when the link has one), recorded first.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const form = await request.formData().catch(() => null);
  const code = form?.get("code");
  const result = await downloadShare({
    token,
    code: typeof code === "string" ? code.slice(0, 100) : null,
    address: clientAddress(request.headers),
  });
  switch (result.kind) {
    case "file":
      return result.response;
    case "unknown":
      return page(goneSharePage(404), 404);
    case "gone":
      return page(goneSharePage(410), 410);
    case "missing":
      return page(goneSharePage(404), 404);
    case "wrong_code": {
      const share = await findShare(token);
      if (!share || share.status !== "active") return page(goneSharePage(410), 410);
      const left = result.attemptsLeft;
      return page(sharePage(share, `That code is not right. ${left} ${left === 1 ? "try" : "tries"} left.`), 403);
    }
  }
}
