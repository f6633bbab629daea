import { type HoldOptions, setHold } from "./set-hold";
import type { EvidenceView } from "./views";

export function releaseHold(options: HoldOptions): Promise<EvidenceView> {
  return setHold(options, false);
}
