import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * A table in a horizontally scrolling box. When the box scrolls, keyboard users must be able to
 * reach it, so it is a focusable, named region.
 */
export function ScrollTable({ label, className, ...props }: ComponentProps<"table"> & { label: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="w-full overflow-x-auto rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
