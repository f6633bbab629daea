/** Lighthouse runs for the dashboard benchmark (ESM-only packages, loaded on demand). */

export interface LcpResult {
  mode: string;
  runs: number[];
  element: string;
}

/** Signs in through Auth.js's credentials endpoints and returns the Cookie header of the session. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token")))
    throw new Error(`sign-in as ${email} failed (${response.status})`);
  return header();
}

/**
 * Largest Contentful Paint of `url`, signed in by the given Cookie header: Lighthouse's desktop
 * preset (simulated fast network, no CPU slowdown) and the same run unthrottled (as observed).
 */
export async function measureLcp(url: string, cookie: string, runs: number): Promise<LcpResult[]> {
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const results: LcpResult[] = [];
  try {
    for (const [mode, throttlingMethod] of [
      ["desktop preset (simulated)", "simulate"],
      ["desktop, unthrottled (observed)", "provided"],
    ] as const) {
      const result: LcpResult = { mode, runs: [], element: "" };
      for (let i = 0; i < runs; i++) {
        const settings = {
          ...desktopConfig.settings,
          throttlingMethod,
          onlyCategories: ["performance"],
          extraHeaders: { Cookie: cookie },
          disableStorageReset: false,
        };
        const run = await lighthouse(
          url,
          { port: chrome.port, output: "json", logLevel: "error" },
          { ...desktopConfig, settings },
        );
        const lhr = run?.lhr;
        if (!lhr) throw new Error("Lighthouse returned no report");
        if (lhr.finalDisplayedUrl.includes("/login"))
          throw new Error("Lighthouse landed on the login page: the session cookie was not accepted");
        result.runs.push(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN);
        const details = lhr.audits["largest-contentful-paint-element"]?.details as
          { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
        result.element ||= details?.items?.[0]?.items?.[0]?.node?.snippet ?? "";
      }
      results.push(result);
    }
  } finally {
    chrome.kill();
  }
  return results;
}
