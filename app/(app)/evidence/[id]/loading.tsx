import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading evidence" className="flex flex-col gap-3">
      <Skeleton className="h-4 w-64" />
      <Skeleton className="h-8 w-96" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
