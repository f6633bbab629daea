import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A message box. `tone="error"` is announced to screen readers as it appears. */
export function Alert({
  className,
  tone = "info",
  ...props
}: ComponentProps<"div"> & { tone?: "info" | "error" | "success" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" && "border-destructive/50 bg-destructive/10 text-destructive",
        tone === "success" && "border-success/50 bg-success/10",
        className,
      )}
      {...props}
    />
  );
}
