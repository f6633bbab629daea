import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Extractor } from "./types";

/**
 * Page by page, so a limit stops it after the page it is on and what was read is kept. The
 * document's scripts are never run (pdf.js has no JavaScript engine of its own and eval is off),
 * no font is loaded into the process, and nothing is fetched.
 */
export const extractPdf: Extractor = async function* (bytes) {
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const pdf = await task.promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      page.cleanup();
      yield { text: text.trim() };
    }
  } finally {
    await task.destroy();
  }
};
