import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading case" className="flex flex-col gap-3">
      <Skeleton className="h-5 w-48" />
      <Skeleton className="h-8 w-96" />
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
