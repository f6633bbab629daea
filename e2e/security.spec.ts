import { expect, type Page, test } from "@playwright/test";
import { createUser, signInViaApi, TEST_PASSWORD, unique } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";
import { CasePage } from "./pages/case-page";
import { LoginPage } from "./pages/login-page";

const asAdmin = () => ({ authorization: `Bearer ${e2eAdmin.token}` });

/** Every console error the page logs that names the Content Security Policy. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

test.describe("content security policy", () => {
  test("pages, the login page included, carry a nonce policy that allows no inline script, and Next's scripts carry that nonce", async ({
    page,
    request,
  }) => {
    const violations = cspViolations(page);
    for (const path of ["/login", "/"]) {
      if (path === "/") await signInViaApi(page, await createUser(request, "investigator"));
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const policy = directives(response?.headers()["content-security-policy"] ?? "");
      const scripts = policy.get("script-src") ?? [];
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, `a nonce on ${path}`).toBeTruthy();
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).toContain("'strict-dynamic'");
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      // Every script the server wrote has the nonce (the ones Next's runtime adds later need none: 'strict-dynamic').
      const tags = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    }
    // The page came alive: React hydrated, the form reacts.
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the case graph renders without a policy violation", async ({ page, request }) => {
    const violations = cspViolations(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const investigator = await createUser(request, "investigator");
    await signInViaApi(page, investigator);
    const created = await page.request.post("/api/cases", { data: { title: `Graph ${unique("case")}` } });
    expect(created.status(), await created.text()).toBe(201);
    const { id: caseId } = (await created.json()) as { id: string };
    const persona = await page.request.post(`/api/cases/${caseId}/personas`, {
      data: { persona: { displayName: `Graph ${unique("p")}` }, role: "subject" },
    });
    expect(persona.status(), await persona.text()).toBe(201);
    const { id: personaId } = (await persona.json()) as { id: string };
    const identifier = await page.request.post(`/api/personas/${personaId}/identifiers`, {
      data: { type: "email", value: `${unique("graph")}@example.test` },
    });
    expect(identifier.status(), await identifier.text()).toBe(201);

    const casePage = new CasePage(page);
    await casePage.goto(caseId);
    await casePage.openTab("Personas & graph");
    await expect(page.getByTestId("graph-canvas").locator("canvas").first()).toBeVisible();
    await expect(page.getByTestId("graph-node")).toHaveCount(2);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe("records the visitor may not see", () => {
  test("a case, its persona and its evidence answer 404 to an investigator who is not a member, 200 to one who is", async ({
    page,
    request,
  }) => {
    const outsider = await createUser(request, "investigator");
    const lead = await createUser(request, "investigator");
    const created = await request.post("/api/cases", {
      headers: asAdmin(),
      data: { title: `Hidden ${unique("case")}`, leadId: lead.id },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id: caseId } = (await created.json()) as { id: string };
    const persona = await request.post(`/api/cases/${caseId}/personas`, {
      headers: asAdmin(),
      data: { persona: { displayName: `Hidden ${unique("p")}` }, role: "subject" },
    });
    expect(persona.status(), await persona.text()).toBe(201);
    const { id: personaId } = (await persona.json()) as { id: string };
    const upload = await request.post(`/api/cases/${caseId}/evidence`, {
      headers: asAdmin(),
      multipart: {
        title: "Hidden notes",
        file: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hidden") },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const { id: evidenceId } = (await upload.json()) as { id: string };
    const paths = [`/cases/${caseId}`, `/personas/${personaId}`, `/evidence/${evidenceId}`];

    await signInViaApi(page, outsider);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    expect((await page.goto("/cases/not-a-case-id"))?.status()).toBe(404);

    await page.context().clearCookies();
    await signInViaApi(page, lead);
    for (const path of paths) expect((await page.goto(path))?.status(), path).toBe(200);
  });

  test("a page the visitor's role may not open answers 404, and opens for a role that may", async ({
    page,
    request,
  }) => {
    const refused: [role: "manager" | "legal" | "investigator", paths: string[]][] = [
      ["manager", ["/admin", "/exports", "/screen", "/cases/new", "/personas/new"]],
      ["legal", ["/admin", "/cases/new", "/personas/new"]],
      ["investigator", ["/admin"]],
    ];
    for (const [role, paths] of refused) {
      await page.context().clearCookies();
      await signInViaApi(page, await createUser(request, role));
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} ${path}`).toBe(404);
        await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      }
    }
    await page.context().clearCookies();
    await signInViaApi(page, await createUser(request, "investigator"));
    for (const path of ["/exports", "/screen", "/cases/new", "/personas/new"])
      expect((await page.goto(path))?.status(), `investigator ${path}`).toBe(200);
  });
});

test.describe("sign-in and the session cookie", () => {
  test("a hostile callbackUrl is refused: signing in through the form lands on the app's own dashboard", async ({
    page,
    request,
    baseURL,
  }) => {
    const user = await createUser(request, "investigator");
    // Were the redirect followed, the browser would leave for evil.example: fail fast instead.
    await page.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => route.abort(),
    );
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example%2Fphish");
    await expect(page.getByRole("heading", { name: "Sign in to Casework" })).toBeVisible();
    await new LoginPage(page).signIn(user.email, TEST_PASSWORD);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("a change sent with the session cookie from another origin is refused; the app's own pages still make changes", async ({
    page,
    request,
    baseURL,
  }) => {
    const user = await createUser(request, "investigator");
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(user.email, TEST_PASSWORD);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    const sibling = new URL(baseURL ?? "");
    sibling.port = String(Number(sibling.port) + 1);
    const foreign: Record<string, string>[] = [{ origin: sibling.origin }, {}];
    for (const headers of foreign) {
      const refused = await page.request.post("/api/cases", { headers, data: { title: `Planted ${unique("case")}` } });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    const planted = await page.request.post("/api/cases/00000000-0000-4000-8000-000000000000/evidence", {
      headers: { origin: sibling.origin },
      multipart: {
        title: "Planted exhibit",
        file: { name: "planted.txt", mimeType: "text/plain", buffer: Buffer.from("planted") },
      },
    });
    expect(planted.status()).toBe(403);

    // The browser's own fetch from a page of the app sends its Origin and goes through.
    const status = await page.evaluate(async () => {
      const response = await fetch("/api/cases", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "From the page itself" }),
      });
      return response.status;
    });
    expect(status).toBe(201);
  });
});
