import type { SQL } from "drizzle-orm";
import type { Scope } from "../scope";
import { durationSql, filterOptionsSql, openCaseCellsSql, weeklyFlowSql } from "./cases";
import { topRedFlagsSql } from "./personas";
import {
  overdueReferralCountQuery,
  overdueReferralsSql,
  overdueTaskCountQuery,
  overdueTasksSql,
  referralsSql,
} from "./work";

/**
 * The summary's SQL statements by figure (all but the networks, whose statements depend on the
 * graph), so the benchmark can time the database's share of the work on its own.
 */
export function dashboardStatements(scope: Scope): Record<string, SQL> {
  return {
    "open cases by status and severity": openCaseCellsSql(scope),
    "opened / closed per week": weeklyFlowSql(scope),
    "time to contain": durationSql("contained", scope),
    "time to close, false alarms": durationSql("closed", scope),
    "overdue tasks (count)": overdueTaskCountQuery(scope).getSQL(),
    "overdue tasks (list)": overdueTasksSql(scope),
    "referrals by destination": referralsSql(scope),
    "overdue referrals (count)": overdueReferralCountQuery(scope).getSQL(),
    "overdue referrals (list)": overdueReferralsSql(scope),
    "top red flags": topRedFlagsSql(scope),
    "team and channel options (memoised 5 min)": filterOptionsSql(scope),
  };
}
