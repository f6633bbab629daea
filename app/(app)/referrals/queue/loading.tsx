import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading the referral queue" className="flex flex-col gap-2">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-9 w-96" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
