import { type DateFormatOptions, formatDate } from "@/lib/format";
import type { IdentifierType } from "@/lib/personas/constants";
import { typeLabels } from "@/lib/identifiers/types";
import { isRedFlagCode, riskWeights } from "@/lib/personas/risk";
import { destinationLabels, referralStatusLabels } from "@/lib/referrals/destinations";

export { destinationLabels, referralStatusLabels };
export { severityLabels, statusLabels } from "@/components/cases/labels";

export function redFlagLabel(code: string): string {
  return isRedFlagCode(code) ? riskWeights[code].label : code;
}

export function identifierTypeLabel(type: IdentifierType): string {
  return typeLabels[type];
}

/** Hours as people say them: "18 h" up to two days, then days with one decimal. */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 1000) / 10}%`;
}

/** A day of the dashboard (a UTC calendar day, or the day part of a moment), as the reader's locale writes it. */
export function formatDay(iso: string, options: DateFormatOptions = {}): string {
  return formatDate(iso.slice(0, 10), options);
}
