import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

const cacheKey = Symbol.for("casework.mailTransport");
type Cached = { url: string; transport: Transporter };

/** One pooled SMTP connection per process and SMTP_URL; null when no SMTP_URL is set. */
function transport(): Transporter | null {
  const url = env.SMTP_URL;
  if (!url) return null;
  const g = globalThis as typeof globalThis & { [cacheKey]?: Cached };
  const cached = g[cacheKey];
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const created = nodemailer.createTransport(url);
  g[cacheKey] = { url, transport: created };
  return created;
}

export function mailConfigured(): boolean {
  return env.SMTP_URL !== undefined;
}

/** A full address for a path in the app when AUTH_URL says where the app is; the path otherwise. */
export function appLink(path: string): string {
  return env.AUTH_URL ? new URL(path, env.AUTH_URL).toString() : path;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const t = transport();
  if (!t) throw new Error("No SMTP_URL is set");
  await t.sendMail({ from: env.MAIL_FROM, ...message });
}
