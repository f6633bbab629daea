import { Parser } from "htmlparser2";
import { decodeText } from "./text";
import type { Extractor } from "./types";

// Never shown by a browser, or code rather than text: skipped with everything inside.
const HIDDEN = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head"]);
const BLOCK =
  /^(p|div|br|li|tr|h[1-6]|section|article|header|footer|aside|nav|main|table|ul|ol|dl|dt|dd|pre|blockquote|hr|title|form|fieldset|figure|figcaption|address)$/;

/**
 * The visible text of a page, parsed as markup and never run. A link's address is written after
 * its text, as a text browser shows it: a profile page's links to other profiles are what an
 * investigator looks for.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  // The open links: their address and where their text starts in `out`.
  const links: { href: string | null; from: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (hidden === 0 && BLOCK.test(name)) out.push("\n");
        if (name === "a") {
          const href = attributes.href ?? "";
          links.push({ href: hidden === 0 && /^https?:\/\//i.test(href) ? href : null, from: out.length });
        }
      },
      ontext(text) {
        if (hidden === 0) out.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (hidden === 0 && BLOCK.test(name)) out.push("\n");
        if (name === "a") {
          const link = links.pop();
          if (link?.href && !out.slice(link.from).join("").includes(link.href)) out.push(` (${link.href})`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join("")
    .replace(/[ \t\f\r\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

export const extractHtml: Extractor = async function* (bytes) {
  yield { text: htmlToText(decodeText(bytes)) };
};
