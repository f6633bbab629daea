import { count, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { clockAt } from "./clock";
import { insertCases, type SeededCase } from "./insert-cases";
import { insertNetwork, type NetworkCounts } from "./insert-network";
import { demoActor, seedDemoEvidence } from "./evidence";
import { seedDemoMatches } from "./matches";
import { seedSanctions } from "./sanctions";
import { demoLogins, type DemoLogin, type DemoUserKey } from "./users";

export type SeedResult =
  | {
      seeded: true;
      logins: readonly DemoLogin[];
      cases: SeededCase[];
      counts: NetworkCounts & { users: number; cases: number };
    }
  | { seeded: false; reason: string };

// Serialises concurrent seeders (two `npm start` at once on one PostgreSQL) so only one writes.
const SEED_LOCK_KEY = 4_242_002;

/**
 * Writes the synthetic demo data set (fictional people, reserved-range identifiers) in one
 * transaction, and only into a database without users: it never mixes demo accounts with
 * real ones. Audit events are written for everything created, so the chain verifies. The OFAC SDN
 * snapshot is imported after it, so personas are screened from the first start.
 */
export async function seedDemo({ now = new Date() }: { now?: Date } = {}): Promise<SeedResult> {
  // Hash outside the transaction: argon2 is deliberately slow and needs no database.
  const hashes = await Promise.all(demoLogins.map((l) => hashPassword(l.password)));
  const clock = clockAt(now);
  const result = await db.transaction(async (tx): Promise<SeedResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if (existing && existing.n > 0) {
      return {
        seeded: false,
        reason: `the users table is not empty (${existing.n} user${existing.n === 1 ? "" : "s"})`,
      };
    }

    const userIds = await insertUsers(tx, hashes, clock.at(-120));
    const userId = (key: DemoUserKey): string => {
      const id = userIds.get(key);
      if (!id) throw new Error(`demo seed: unknown user ${key}`);
      return id;
    };
    const { personaIds, counts } = await insertNetwork(tx, { clock, recordedById: userId("investigator") });
    const seededCases = await insertCases(tx, { clock, userId, personaIds });

    // The accounts' audit events, chained as the seed commits.
    for (const login of demoLogins) {
      await recordAudit(tx, {
        actor: null,
        action: "user.create",
        entityType: "user",
        entityId: userId(login.key),
        detail: { email: login.email, role: login.role, source: "demo-seed" },
      });
    }
    await recordAudit(tx, {
      actor: null,
      action: "seed.create",
      entityType: "persona",
      detail: { source: "demo-seed", ...counts },
    });
    for (const c of seededCases) {
      await recordAudit(tx, {
        actor: null,
        action: "seed.create",
        entityType: "case",
        entityId: c.id,
        caseId: c.id,
        detail: {
          source: "demo-seed",
          ref: c.ref,
          status: c.status,
          personas: c.personas,
          notes: c.notes,
          tasks: c.tasks,
          referral: c.referral,
        },
      });
    }
    return {
      seeded: true,
      logins: demoLogins,
      cases: seededCases,
      counts: { ...counts, users: demoLogins.length, cases: seededCases.length },
    };
  });
  // Its own transactions, after the demo's: a list version is immutable and outlives the demo data.
  if (result.seeded) {
    await seedSanctions();
    // The first case gets the demo documents, so text, mentions and search have something to show.
    const first = result.cases[0];
    if (first) {
      const leadEmail = demoLogins.find((l) => l.key === "investigator")!.email;
      await seedDemoEvidence(first.id, leadEmail);
      // Near, not equal: personas the matching job pairs for the review page once their uploads are read.
      await seedDemoMatches(await demoActor(leadEmail), first.id);
    }
  }
  return result;
}

async function insertUsers(tx: Tx, hashes: string[], createdAt: Date): Promise<Map<DemoUserKey, string>> {
  const rows = await tx
    .insert(users)
    .values(
      demoLogins.map((l, i) => {
        const passwordHash = hashes[i];
        if (!passwordHash) throw new Error(`demo seed: no password hash for ${l.email}`);
        return { email: l.email, name: l.name, role: l.role, passwordHash, createdAt, updatedAt: createdAt };
      }),
    )
    .returning({ id: users.id, email: users.email });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return new Map(demoLogins.map((l) => [l.key, byEmail.get(l.email) ?? ""]));
}
