import { type HoldOptions, setHold } from "./set-hold";
import type { EvidenceView } from "./views";

/** Legal (working members) and admins put an item on hold: it cannot then be deleted. */
export function placeHold(options: HoldOptions): Promise<EvidenceView> {
  return setHold(options, true);
}
