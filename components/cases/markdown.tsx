import ReactMarkdown from "react-markdown";

/**
 * Renders Markdown as React elements, never as HTML: raw HTML in the source is dropped (no
 * rehype-raw), and react-markdown strips javascript: and other unsafe link targets, so a note
 * cannot run script.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm max-w-none text-sm leading-relaxed [&_a]:text-primary [&_a]:underline [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_ul]:list-disc">
      <ReactMarkdown>{children}</ReactMarkdown>
    </div>
  );
}
