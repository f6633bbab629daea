import { randomBytes } from "node:crypto";

/** A fresh value per response: a nonce an attacker could predict would let their script in. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every HTML page. Scripts run only with this response's nonce
 * (Next.js finds it in the request's policy header and puts it on its own scripts) or when loaded
 * by such a script ('strict-dynamic'), so injected markup cannot run code. Inline styles stay
 * allowed: Radix and Recharts render style attributes and cytoscape adds a <style> element of its
 * own, and a style cannot run code. No plugins (<object>, <embed>), no framing of the app by any
 * site, no <base> pointing elsewhere, forms post only to the app. Development adds 'unsafe-eval',
 * which React's dev build needs for its error overlays.
 */
export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The evidence PDF preview frames the app's own content route.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
