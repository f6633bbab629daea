import type { TextPage } from "../formats/types";

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  timeMs: number;
  maxPages: number;
  maxChars: number;
}

export type ExtractMessage =
  | { id: number; type: "page"; page: TextPage }
  | {
      id: number;
      type: "end";
      status: "done" | "partial" | "unsupported" | "failed";
      format: string | null;
      reason: string | null;
    };
