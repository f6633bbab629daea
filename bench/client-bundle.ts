/**
 * Client JavaScript per page of a production build: `npx tsx bench/client-bundle.ts [dist dir...]`
 * (default `.next`; build first with `npx next build`, or `NEXT_DIST_DIR=.next-x npx next build`).
 * Given two dirs (before, after) it also prints the difference.
 *
 * A page's JS is what its HTML asks for up front: the root main files every page loads (Next's
 * runtime and React, from build-manifest.json) plus the chunks of each segment on the route
 * (layouts, error and not-found boundaries, the page), taken from the page's
 * page_client-reference-manifest.js. Chunks loaded later through dynamic import() are not counted.
 * Sizes are of the files on disk, raw and gzip (level 6, what a server typically sends); "drizzle"
 * says whether any of those chunks holds drizzle-orm code, which browser code must never load.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

interface PageJs {
  chunks: number;
  raw: number;
  gzip: number;
  drizzle: boolean;
}

const DRIZZLE = /drizzle:[A-Z]/;
const log = (s: string) => process.stdout.write(`${s}\n`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** "/(app)/cases/[id]/page" -> "/cases/[id]": route groups are not part of the URL. */
function routeOf(entry: string): string {
  const route = entry.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "");
  return route === "" ? "/" : route;
}

function measure(distDir: string): Map<string, PageJs> {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const sizes = new Map<string, { raw: number; gzip: number; drizzle: boolean }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(path.join(distDir, file));
      s = {
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 6 }).length,
        drizzle: DRIZZLE.test(bytes.toString("latin1")),
      };
      sizes.set(file, s);
    }
    return s;
  };

  const pages = new Map<string, PageJs>();
  const appDir = path.join(distDir, "server", "app");
  const manifests = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith("page_client-reference-manifest.js"),
  );
  for (const manifest of manifests) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]; run it in a bare context.
    const context = vm.createContext({});
    vm.runInContext(readFileSync(path.join(appDir, manifest), "utf8"), context);
    const byEntry = (context as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> })
      .__RSC_MANIFEST;
    for (const [entry, { entryJSFiles }] of Object.entries(byEntry)) {
      if (entry.startsWith("/_")) continue; // _not-found, _global-error: not pages anyone opens
      const files = new Set([...buildManifest.rootMainFiles, ...Object.values(entryJSFiles).flat()]);
      const page: PageJs = { chunks: files.size, raw: 0, gzip: 0, drizzle: false };
      for (const file of files) {
        const s = sizeOf(file);
        page.raw += s.raw;
        page.gzip += s.gzip;
        page.drizzle ||= s.drizzle;
      }
      pages.set(routeOf(entry), page);
    }
  }
  return pages;
}

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [".next"];
for (const dir of dirs) {
  if (!existsSync(path.join(dir, "build-manifest.json"))) {
    process.stderr.write(`${dir}: no production build here (run npx next build first)\n`);
    process.exit(1);
  }
}
const results = dirs.map(measure);
const routes = [...new Set(results.flatMap((r) => [...r.keys()]))].sort();
const cell = (p: PageJs | undefined) =>
  p
    ? `${String(p.chunks).padStart(3)} ${kb(p.raw).padStart(8)} ${kb(p.gzip).padStart(8)}  ${p.drizzle ? "yes" : "no "}`
    : "   (no such page)        ";

log(`client JS per page, KB (1 KB = 1024 bytes): chunks, raw, gzip, drizzle`);
dirs.forEach((dir, i) => log(`  [${i + 1}] ${path.resolve(dir)}`));
log(
  `${"page".padEnd(22)}${dirs.map((_, i) => `  [${i + 1}] ch      raw     gzip  drz`.padEnd(31)).join("")}${dirs.length === 2 ? "  change raw / gzip" : ""}`,
);
for (const route of routes) {
  const row = results.map((r) => r.get(route));
  let change = "";
  const [before, after] = row;
  if (dirs.length === 2 && before && after) {
    const pct = (a: number, b: number) =>
      `${b - a >= 0 ? "+" : ""}${kb(b - a)} (${(((b - a) / a) * 100).toFixed(1)} %)`;
    change = `  ${pct(before.raw, after.raw)} / ${pct(before.gzip, after.gzip)}`;
  }
  log(`${route.padEnd(22)}${row.map((p) => `  ${cell(p)}`.padEnd(31)).join("")}${change}`);
}
