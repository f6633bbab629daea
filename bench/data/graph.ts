import { apportion, type Random } from "./random";

/** Personas of a network are contiguous, as are the identifiers of its shared pool. */
export interface Network {
  start: number;
  size: number;
  poolStart: number;
  poolSize: number;
}

/** Who holds which identifier, by index; kinds say whether an identifier is private, shared or a hub. */
export interface PersonaGraph {
  personas: number;
  identifiers: number;
  networks: Network[];
  /** Network index per persona, -1 for a singleton. */
  networkOf: Int32Array;
  linkPersona: Uint32Array;
  linkIdentifier: Uint32Array;
  links: number;
  /** 0 private, 1 shared in a network, 2 hub shared by much of a big network. */
  identifierKind: Uint8Array;
}

const LARGE_NETWORKS = [3000, 2000, 1500, 1000, 800];

function networkSizes(random: Random, personas: number): number[] {
  const f = personas / 200_000;
  const sizes = LARGE_NETWORKS.map((s) => Math.max(15, Math.round(s * f)));
  for (let k = 0; k < Math.max(3, Math.round(200 * f)); k++) sizes.push(random.int(20, 100));
  // Half the personas share something with another persona; the other half stand alone.
  let used = sizes.reduce((a, b) => a + b, 0);
  while (used < personas / 2) {
    const size = random.weighted([[2, 45], [3, 25], [4, 12], [5, 8], [6, 5], [8, 5]]);
    sizes.push(size);
    used += size;
  }
  return sizes;
}

/**
 * Builds the persona-identifier graph to exact totals. Network members hold mostly shared
 * identifiers (a chain through the pool keeps each network connected, hubs play the laptop-farm
 * address or the payout wallet); singletons hold only private ones. Extra shared links are
 * added last so links minus identifiers comes out exactly as asked.
 */
export function buildGraph(random: Random, personas: number, targetIdentifiers: number, targetLinks: number): PersonaGraph {
  const networkOf = new Int32Array(personas).fill(-1);
  const linkPersona = new Uint32Array(targetLinks + 16);
  const linkIdentifier = new Uint32Array(targetLinks + 16);
  const identifierKind = new Uint8Array(targetIdentifiers + 16);
  let links = 0;
  let ids = 0;
  const held: Set<number>[] = [];
  const link = (p: number, id: number) => {
    if (links >= targetLinks) return false;
    const set = (held[p] ??= new Set());
    if (set.has(id)) return false;
    set.add(id);
    linkPersona[links] = p;
    linkIdentifier[links++] = id;
    return true;
  };
  const networks: Network[] = [];
  let next = 0;
  for (const wanted of networkSizes(random, personas)) {
    const size = Math.min(wanted, personas - next);
    if (size < 2) break;
    const perPersona = Array.from({ length: size }, () => Math.min(40, Math.max(3, Math.round(12 * random.lognormal(0.4)))));
    const pooled = perPersona.reduce((a, b) => a + b, 0) * 0.85;
    const poolSize = Math.max(2, Math.ceil(pooled / Math.min(size, 4)));
    const net: Network = { start: next, size, poolStart: ids, poolSize };
    networks.push(net);
    for (let k = 0; k < poolSize; k++) identifierKind[ids + k] = 1;
    const hubs = size >= 50 ? Math.ceil(size / 200) : 0;
    for (let k = 0; k < hubs; k++) identifierKind[ids + k] = 2;
    ids += poolSize;
    for (let j = 0; j < size; j++) {
      const p = next + j;
      networkOf[p] = networks.length - 1;
      // Neighbours in the chain share one pool identifier, which keeps the network connected.
      link(p, net.poolStart + (j % poolSize));
      link(p, net.poolStart + ((j + 1) % poolSize));
      const count = perPersona[j] ?? 3;
      for (let k = 2; k < count; k++) {
        if (random.chance(0.15)) link(p, ids++);
        else link(p, net.poolStart + random.int(0, poolSize - 1));
      }
      for (let k = 0; k < hubs; k++) if (random.chance(0.3)) link(p, net.poolStart + k);
    }
    next += size;
  }
  // Top up with shared links in proportion to network size until links - identifiers fits.
  const networked = next;
  const singletons = personas - networked;
  let guard = 0;
  while (networked > 0 && targetLinks - links > targetIdentifiers - ids && guard++ < targetLinks * 4) {
    const p = random.int(0, networked - 1);
    const net = networks[networkOf[p] ?? 0];
    if (net) link(p, net.poolStart + random.int(0, net.poolSize - 1));
  }
  const remaining = Math.max(0, Math.min(targetIdentifiers - ids, targetLinks - links));
  const weights = Array.from({ length: singletons }, () => random.lognormal(0.6));
  const perSingleton = apportion(remaining, weights);
  for (let s = 0; s < singletons; s++) {
    for (let k = 0; k < (perSingleton[s] ?? 0); k++) link(networked + s, ids++);
  }
  return { personas, identifiers: ids, networks, networkOf, linkPersona, linkIdentifier, links, identifierKind };
}
