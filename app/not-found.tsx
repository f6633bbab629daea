import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-muted-foreground">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-4 inline-block text-primary underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
