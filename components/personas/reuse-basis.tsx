import Link from "next/link";
import type { RedFlagView } from "@/lib/personas/views";

interface ReuseBasisProps {
  reusedWith: NonNullable<RedFlagView["reusedWith"]>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Which confirmed personas hold this persona's identifiers, as far as the reader may know them. */
export function ReuseBasis({ reusedWith }: ReuseBasisProps) {
  if (reusedWith.length === 0)
    return <p className="text-xs text-muted-foreground">No confirmed persona holds its identifiers any more.</p>;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-xs text-muted-foreground" aria-label="Held by confirmed personas">
      {reusedWith.map(({ identifier, confirmed }) => (
        <li key={identifier.id}>
          <span className="font-mono">{identifier.value}</span>:{" "}
          {confirmed.personas.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : null}
              <Link href={`/personas/${p.id}`} className="text-primary underline underline-offset-2">
                {p.displayName}
              </Link>
              {p.cases.length > 0 ? ` (${p.cases.map((c) => c.ref).join(", ")})` : null}
            </span>
          ))}
          {confirmed.hidden ? (
            <span>
              {confirmed.personas.length > 0 ? "; " : null}
              {plural(confirmed.hidden.personas, "confirmed persona")} in {plural(confirmed.hidden.cases, "case")} you
              cannot access (lead: {confirmed.hidden.leads.join(", ") || "no lead named"})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
