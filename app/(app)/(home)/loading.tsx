import { PageSkeleton } from "@/components/shell/page-skeleton";

// In a route group so it wraps the dashboard only. At app/(app) it would wrap every page, and a
// record page would start its response (status 200) before its check could answer 404.
export default function Loading() {
  return <PageSkeleton />;
}
