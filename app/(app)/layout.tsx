import type { ReactNode } from "react";
import { TopBar } from "@/components/shell/top-bar";
import { requireActor } from "@/lib/auth/current";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-card focus:p-2"
      >
        Skip to content
      </a>
      <TopBar actor={actor} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
