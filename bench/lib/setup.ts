/** Run-time set-up that needs the app's modules: import only after pointAppAtBench(). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliActorForEmail } from "@/lib/cli/operator";
import { createToken, revokeToken } from "@/lib/tokens/tokens";
import { listVariants } from "../scenarios/case-list";
import type { BenchUser } from "../scenarios/types";
import { caseListSql, casePageSql } from "./queries";
import type { Catalogue } from "./sql-runner";

const made: { actor: BenchUser["actor"]; id: string }[] = [];

/** A fresh API token for a user, acting as that user; revoked again by revokeBenchTokens(). */
export async function benchUser(email: string): Promise<BenchUser> {
  const actor = await cliActorForEmail(email);
  const token = await createToken({ actor, input: { name: `bench ${new Date().toISOString()}` } });
  made.push({ actor, id: token.id });
  return { actor: { ...actor, via: "token", tokenId: token.id }, token: token.token };
}

export async function revokeBenchTokens(): Promise<void> {
  for (const { actor, id } of made.splice(0)) await revokeToken({ actor, tokenId: id }).catch(() => {});
}

/** Writes the SQL the bare server runs: the list variants (as their users) and the case page (as admin). */
export function writeCatalogue(users: Record<"admin" | "investigator", BenchUser>): string {
  const lists: Catalogue["lists"] = {};
  for (const [name, v] of Object.entries(listVariants)) lists[name] = caseListSql(users[v.user].actor, v.query);
  const catalogue: Catalogue = { lists, casePage: casePageSql(users.admin.actor) };
  const file = path.join(os.tmpdir(), `casework-bench-catalogue-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(catalogue));
  return file;
}
