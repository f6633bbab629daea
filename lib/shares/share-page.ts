import { formatBytes } from "@/lib/format";
import type { PublicShare } from "./find-share";

/*
 * The pages a recipient without an account sees, as plain server-made HTML: no script, no app
 * shell, nothing fetched from elsewhere. Every value is escaped.
 */

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#111;line-height:1.5}
dt{font-weight:600;margin-top:.75rem}dd{margin:0;overflow-wrap:anywhere}code{font-size:.9rem}
button{font:inherit;padding:.5rem 1rem;margin-top:1rem;cursor:pointer}input{font:inherit;padding:.4rem}
[role=alert]{border:1px solid #b91c1c;color:#b91c1c;padding:.5rem .75rem;border-radius:.25rem}`;

/** Headers of every share page: nothing cached, no referrer (the address carries the token), no framing. */
export const sharePageHeaders = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function sharePage(share: PublicShare, error?: string): string {
  const expires = share.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const left = share.downloadsLeft === null ? "" : `<dt>Downloads left</dt><dd>${share.downloadsLeft}</dd>`;
  const code = share.needsCode
    ? `<p><label>One-time code (sent to you separately) <input name="code" autocomplete="one-time-code" required></label></p>`
    : "";
  return layout(
    `Evidence pack: ${share.fileName}`,
    `<h1>Evidence pack shared with you</h1>
<p>${escape(share.sharedBy)} shared this evidence pack with ${escape(share.recipient)}. Each download is recorded with the time and your network address.</p>
${error ? `<p role="alert">${escape(error)}</p>` : ""}
<dl><dt>File</dt><dd>${escape(share.fileName)}</dd><dt>Size</dt><dd>${escape(formatBytes(share.size))} (${share.size} bytes)</dd>
<dt>SHA-256</dt><dd><code data-testid="share-sha256">${escape(share.sha256)}</code></dd>
<dt>Shared by</dt><dd>${escape(share.sharedBy)}</dd><dt>Link expires</dt><dd>${escape(expires)}</dd>${left}</dl>
<form method="post">${code}<button type="submit">Download</button></form>
<p>Check the download: <code>sha256sum ${escape(share.fileName)}</code> must print the SHA-256 above. The pack's VERIFY.txt explains how to check its signature.</p>`,
  );
}

/** 404 and 410 say as little as possible: the link is not (or no longer) usable. */
export function goneSharePage(status: 404 | 410): string {
  const text =
    status === 410
      ? "This link has expired, was revoked, or has been used as many times as allowed. Ask the person who sent it for a new one."
      : "There is no evidence pack at this address. Check the link you were sent.";
  return layout("Link not available", `<h1>Link not available</h1><p>${text}</p>`);
}
