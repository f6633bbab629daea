import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/*
 * A webhook makes this server send requests to an address an admin typed: without a check it
 * could reach the database, a cloud metadata service or an intranet page (SSRF). Every address
 * the name resolves to must be public; the check runs at registration and again at each delivery,
 * and the delivery connects to exactly the addresses checked, so DNS that changes its answer
 * between the two (rebinding) gains nothing.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["100::", 64],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True for loopback, private, link-local, shared, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  // ::ffff:7f00:1 and the like: IPv4-mapped written in hex.
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address)) return true;
  return blocked.check(address, "ipv6");
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host and answers its addresses, refusing (bad_request) when any is private unless
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS is set, or when it does not resolve.
 */
export async function resolvePublic(host: string): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) as 4 | 6 }];
  else {
    try {
      addresses = (await lookup(bare, { all: true, verbatim: true })).map((a) => ({
        address: a.address,
        family: a.family as 4 | 6,
      }));
    } catch {
      throw new AppError("bad_request", `${bare} does not resolve to an address`, [
        { path: "url", message: "The host name does not resolve" },
      ]);
    }
  }
  if (addresses.length === 0)
    throw new AppError("bad_request", `${bare} does not resolve to an address`, [
      { path: "url", message: "No address" },
    ]);
  if (!env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad)
      throw new AppError(
        "bad_request",
        `${bare} resolves to ${bad.address}, a loopback, private or link-local address, which webhooks may not reach`,
        [{ path: "url", message: "Resolves to a private network address" }],
      );
  }
  return addresses;
}
