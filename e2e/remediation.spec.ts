import { expect, type APIRequestContext, test } from "@playwright/test";
import { createUser, signInViaApi, unique } from "./fixtures/api";
import { e2eAdmin } from "./fixtures/env";
import { CasePage } from "./pages/case-page";
import { RemediationTab } from "./pages/remediation-tab";

const asAdmin = () => ({ authorization: `Bearer ${e2eAdmin.token}` });

/** A contained case led by an investigator, with a legal member who will do the rest. */
async function containedCase(request: APIRequestContext, leadId: string, legalId: string, title: string) {
  const created = await request.post("/api/cases", { headers: asAdmin(), data: { title, leadId } });
  expect(created.status(), await created.text()).toBe(201);
  const c = (await created.json()) as { id: string };
  expect(
    (
      await request.post(`/api/cases/${c.id}/members`, { headers: asAdmin(), data: { userId: legalId, role: "legal" } })
    ).status(),
  ).toBe(201);
  for (const to of ["investigating", "contained"]) {
    expect((await request.post(`/api/cases/${c.id}/transition`, { headers: asAdmin(), data: { to } })).status()).toBe(
      200,
    );
  }
  return c.id;
}

test.describe("remediation and referrals", () => {
  test("apply the template, finish every task, refer the case with a logged disclosure, then close it", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const lead = await createUser(request, "investigator");
    const legal = await createUser(request, "legal");
    const title = `Laptop farm ${unique("case")}`;
    const caseId = await containedCase(request, lead.id, legal.id, title);
    await signInViaApi(page, legal);

    const casePage = new CasePage(page);
    const tab = new RemediationTab(page);
    await casePage.goto(caseId);
    await casePage.openTab("Remediation");
    await expect(page.getByText("No tasks yet. Apply the template")).toBeVisible();
    await tab.applyTemplate();
    await expect(page.getByText("Added 11 tasks from “Suspected fake remote worker”.")).toBeVisible();
    await expect(tab.tasks).toHaveCount(11);
    await expect(tab.tasks.first()).toContainText("Preserve evidence");
    await expect(tab.progress).toHaveAttribute("aria-valuenow", "0");

    // A second press adds nothing.
    await tab.applyTemplate();
    await expect(page.getByText("Every task of “Suspected fake remote worker” is already on this case.")).toBeVisible();
    await expect(tab.tasks).toHaveCount(11);

    // A task added with a date already past is accepted, flagged and highlighted as overdue.
    const form = page.getByRole("form", { name: "Add a task" });
    await form.getByLabel("Task").fill("Collect the badge from the vendor");
    await form.getByLabel("Kind").selectOption("notify_vendor");
    await form.getByLabel("Owner").selectOption({ label: legal.name });
    await form.getByLabel("Due").fill("2024-01-15");
    await form.getByRole("button", { name: "Add task" }).click();
    await expect(form.getByText("Its due date has already passed")).toBeVisible();
    await expect(tab.tasks).toHaveCount(12);
    const late = tab.tasks.filter({ hasText: "Collect the badge from the vendor" });
    await expect(late.getByText("Overdue")).toBeVisible();

    // Closing while tasks are open is refused with the reason.
    await casePage.move("Close case", "Trying too early");
    await expect(page.getByRole("alert").filter({ hasText: "still open" })).toBeVisible();
    await expect(casePage.status).toHaveText("Contained");

    const count = await tab.tasks.count();
    for (let i = 0; i < count; i++) {
      const task = tab.tasks.nth(i);
      if (i % 3 === 2) await tab.finish(task, "not_applicable", "No such access for this hire");
      else await tab.finish(task, "done", `Handled step ${i + 1}`);
    }
    await expect(tab.progress).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByTestId("task-progress")).toContainText("12 of 12 finished");

    // Referred needs a submitted referral.
    await casePage.move("Mark referred");
    await expect(page.getByRole("alert").filter({ hasText: "referral has been submitted" })).toBeVisible();

    await casePage.openTab("Referrals");
    const create = page.getByRole("form", { name: "Create a referral" });
    await create.getByLabel("Destination").selectOption("fbi_ic3");
    await create.getByLabel("Agency contact (optional)").fill("ic3.gov complaint form");
    await create.getByRole("button", { name: "Create referral" }).click();
    const referral = tab.referral("FBI IC3");
    await expect(referral.getByTestId("referral-status")).toHaveText("Draft");

    await referral.getByRole("button", { name: "Submit" }).click();
    const submit = referral.getByRole("form", { name: "Submit" });
    await submit.getByLabel("Agency reference number").fill("I2603-0042-7781");
    await submit.getByRole("button", { name: "Confirm: Submit" }).click();
    await expect(referral.getByTestId("referral-status")).toHaveText("Submitted");
    await expect(referral.getByTestId("referral-reference")).toHaveText("I2603-0042-7781");

    const log = referral.getByRole("form", { name: "Log a disclosure" });
    await log
      .getByLabel("What was sent", { exact: true })
      .fill("Evidence pack: narrative, identifiers, payment records");
    await log.getByLabel("Sent to").fill("FBI IC3 online complaint");
    await log.getByLabel("Sent at").fill("2026-03-02T10:30");
    await log.getByLabel("SHA-256 of what was sent (optional)").fill("ab".repeat(32));
    await log.getByRole("button", { name: "Log disclosure" }).click();
    const entry = referral.getByTestId("disclosure");
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("FBI IC3 online complaint");
    await expect(entry).toContainText("abababababab…");

    await casePage.move("Mark referred");
    await expect(casePage.status).toHaveText("Referred");
    await casePage.move("Close case", "Referred to the FBI; access revoked, laptop recovered, payroll stopped.");
    await expect(casePage.status).toHaveText("Closed");

    // Legal's referrals page lists it, with the filter kept in the address.
    await page.goto("/referrals");
    await page.getByLabel("Destination").selectOption("fbi_ic3");
    await expect(page).toHaveURL(/destination=fbi_ic3/);
    await page.reload();
    await expect(page.getByRole("table", { name: "Referrals" }).getByText("I2603-0042-7781")).toBeVisible();
  });

  test("my tasks lists my open tasks across cases, soonest first, overdue highlighted", async ({ page, request }) => {
    const lead = await createUser(request, "investigator");
    const legal = await createUser(request, "legal");
    const first = await containedCase(request, lead.id, legal.id, `First ${unique("case")}`);
    const second = await containedCase(request, lead.id, legal.id, `Second ${unique("case")}`);
    const add = async (caseId: string, title: string, dueAt: string) => {
      const res = await request.post(`/api/cases/${caseId}/tasks`, {
        headers: asAdmin(),
        data: { kind: "other", title, ownerId: legal.id, dueAt },
      });
      expect(res.status(), await res.text()).toBe(201);
    };
    await add(first, "Later task", "2099-05-01");
    await add(second, "Overdue task", "2024-02-01");
    await add(first, "Sooner task", "2099-01-01");
    await signInViaApi(page, legal);
    await page.goto("/tasks");
    const rows = page.getByRole("table", { name: "My tasks" }).getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText("Overdue task");
    await expect(rows.nth(1)).toContainText("Overdue");
    await expect(rows.nth(2)).toContainText("Sooner task");
    await expect(rows.nth(3)).toContainText("Later task");

    // Started and finished from the list itself: a finished task leaves the open list.
    const sooner = page.getByRole("group", { name: "Actions for Sooner task" });
    await sooner.getByRole("button", { name: "Start" }).click();
    await expect(rows.nth(2).getByText("In progress")).toBeVisible();
    await expect(sooner.getByRole("button", { name: "Start" })).toHaveCount(0);
    await sooner.getByRole("button", { name: "Mark done" }).click();
    await expect(rows).toHaveCount(3);
    await expect(page.getByRole("table", { name: "My tasks" })).not.toContainText("Sooner task");
  });
});
