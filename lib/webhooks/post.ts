import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolvePublic } from "./address-check";

const TIMEOUT_MS = 10_000;

/**
 * POSTs a body to a webhook endpoint and answers the status code. The host is resolved and
 * checked here, and the connection goes to those checked addresses only (the lookup is pinned),
 * so a name that resolves differently a moment later cannot redirect the request. Redirects are
 * not followed, for the same reason.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const target = new URL(url);
  const addresses = await resolvePublic(target.hostname);
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        lookup: pinned,
        timeout: TIMEOUT_MS,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Casework-Webhooks/1",
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(body);
  });
}
