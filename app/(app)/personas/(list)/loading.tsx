import { Skeleton } from "@/components/ui/skeleton";

// In a route group so it wraps the persona list only, not the record pages below it: see app/(app)/(home)/loading.tsx.
export default function Loading() {
  return (
    <div role="status" aria-label="Loading personas" className="flex flex-col gap-2">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-9 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-7 w-full" />
      ))}
    </div>
  );
}
