import { isServer, QueryClient } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Above zero so data rendered on the server is not refetched the moment it hydrates.
      queries: { staleTime: 30_000, retry: 1 },
    },
  });
}

let browserClient: QueryClient | undefined;

/** One client per request on the server, one for the whole session in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
