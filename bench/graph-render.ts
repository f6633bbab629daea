/**
 * Graph view in the browser: `npm run bench:graph` (DATABASE_URL = the bench database, loaded
 * with `npm run bench:data -- --scale large`; builds into .next-bench if there is no build).
 *
 * Opens the persona pages whose depth-2 view is largest (about 2,000 nodes and 4,000 edges) in
 * Debian's Chromium through Playwright, signed in as the bench admin, and prints for each: the
 * time from navigation until the graph is drawn and the main thread is quiet, the longest task
 * on the way, and frame times while a person drags the graph around for two seconds, then while
 * they click nodes. "Interactive" here means frames near 16 ms while dragging and a click that
 * answers within a frame or two. Prints figures; never fails on timing.
 */
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { benchEmails } from "./data/users";
import { signInCookie } from "./dashboard-lighthouse";
import { benchDatabaseUrl, benchDataDir } from "./lib/config";
import { ensureBuild, startApp } from "./lib/server";
import { percentile } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3207);
const PAGES = Number(process.env.BENCH_GRAPH_PAGES ?? 3);
const log = (s: string) => process.stdout.write(`${s}\n`);

/** Installed before the page's own scripts: records long tasks and, when asked, every frame. */
const RECORDER = `
  window.__bench = { longTasks: [], frames: [], recording: false };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: "longtask", buffered: true });
  let last = 0;
  const tick = (t) => { if (window.__bench.recording && last) window.__bench.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

interface Bench {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  recording: boolean;
}
declare global {
  interface Window {
    __bench: Bench;
  }
}

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl();
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const password = randomBytes(12).toString("base64url");
  const { hashPassword } = await import("@/lib/auth/password");
  await sql`update users set password_hash = ${await hashPassword(password)} where email = ${benchEmails.admin}`;
  // Personas holding the most shared identifiers have the largest depth-2 views.
  const candidates = await sql<{ id: string }[]>`
    select pi.persona_id as id from persona_identifiers pi
    where pi.identifier_id in (select identifier_id from persona_identifiers group by identifier_id having count(*) > 1 order by count(*) desc limit 50)
    group by pi.persona_id order by count(*) desc, pi.persona_id limit ${PAGES * 3}`;
  await sql.end();

  ensureBuild(process.argv.includes("--build"));
  const app = await startApp(PORT, databaseUrl, benchDataDir(), randomBytes(32).toString("base64url"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--enable-precise-memory-info"],
  });
  try {
    const cookie = await signInCookie(app.url, benchEmails.admin, password);
    const sizes: { id: string; nodes: number; edges: number }[] = [];
    for (const { id } of candidates) {
      const response = await fetch(`${app.url}/api/personas/${id}/graph?depth=2`, { headers: { cookie } });
      const view = (await response.json()) as { nodes: unknown[]; edges: unknown[] };
      sizes.push({ id, nodes: view.nodes.length, edges: view.edges.length });
    }
    sizes.sort((a, b) => b.nodes + b.edges - (a.nodes + a.edges));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: app.url };
      }),
    );
    await context.addInitScript(RECORDER);

    log(
      "| persona view | nodes | edges | drawn and quiet after | longest task | drag: frame p50 / p95 / max | fps while dragging | click to details |",
    );
    log("|---|---|---|---|---|---|---|---|");
    for (const target of sizes.slice(0, PAGES)) {
      const page = await context.newPage();
      await page.goto(`${app.url}/personas/${target.id}`);
      const canvas = page.locator("#graph canvas").last();
      await canvas.waitFor({ state: "visible", timeout: 60_000 });
      // Quiet: no long task for a whole second after the graph's canvas appeared.
      const quietAt = await page.evaluate(async () => {
        const b = window.__bench;
        for (;;) {
          await new Promise((r) => setTimeout(r, 250));
          const lastTask = b.longTasks.at(-1);
          const end = lastTask ? lastTask.start + lastTask.duration : 0;
          if (performance.now() - end > 1000) return end;
        }
      });
      const longest = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)));

      const box = (await canvas.boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.evaluate(() => {
        window.__bench.frames = [];
        window.__bench.recording = true;
      });
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 120; i++) {
        const angle = (i / 120) * Math.PI * 4;
        await page.mouse.move(cx + Math.cos(angle) * 150, cy + Math.sin(angle) * 100);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      const frames = await page.evaluate(() => {
        window.__bench.recording = false;
        return window.__bench.frames;
      });

      // A click on the canvas centre: time until the details panel answers (a node or the hint).
      const clicked = await page.evaluate(() => performance.now());
      await page.mouse.click(cx, cy);
      await page.waitForTimeout(0);
      const answered = await page.evaluate(
        () =>
          new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
      );

      frames.sort((a, b) => a - b);
      const seconds = frames.reduce((a, b) => a + b, 0) / 1000;
      log(
        `| ${target.id.slice(0, 8)} depth 2 | ${target.nodes} | ${target.edges} | ${(quietAt / 1000).toFixed(2)} s | ${longest.toFixed(0)} ms | ${percentile(frames, 50).toFixed(1)} / ${percentile(frames, 95).toFixed(1)} / ${Math.max(...frames).toFixed(0)} ms | ${(frames.length / Math.max(seconds, 0.001)).toFixed(0)} | ${(answered - clicked).toFixed(0)} ms |`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
