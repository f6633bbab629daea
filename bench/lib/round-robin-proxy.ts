import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Proxy {
  url: string;
  /** Requests forwarded to each upstream, in the order given. */
  forwarded: number[];
  /** Why an upstream failed, one entry per request answered 502 (retries that succeeded not counted). */
  failures: string[];
  close(): Promise<void>;
}

/**
 * The smallest load balancer: each request goes to the next upstream in turn, over kept-alive
 * connections, body and answer streamed through. Enough to put several instances behind one
 * address for a load run. A GET whose kept-alive connection the upstream had just closed is sent
 * once more before any byte of the answer (as haproxy's `retry-on conn-failure` does);
 * any other failure of an upstream answers 502 and is recorded with its reason.
 */
export async function roundRobinProxy(upstreams: readonly string[]): Promise<Proxy> {
  // An idle kept-alive connection is dropped after 4 s, before the upstream's own 5 s (Node's
  // default keepAliveTimeout, which `next start` keeps) can close it under a request being sent.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });
  const targets = upstreams.map((u) => new URL(u));
  const forwarded = targets.map(() => 0);
  let next = 0;
  const failures: string[] = [];
  const server = http.createServer((req, res) => {
    const i = next;
    next = (next + 1) % targets.length;
    forwarded[i]! += 1;
    const target = targets[i]!;
    const send = (retried: boolean) => {
      const upstream = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, "x-forwarded-for": req.socket.remoteAddress ?? "" },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (!retried && req.method === "GET" && error.code === "ECONNRESET" && !res.headersSent) return send(true);
        failures.push(`${req.method} ${req.url}: ${error.code ?? error.message}`);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      if (req.method === "GET") upstream.end();
      else req.pipe(upstream);
    };
    send(false);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    failures,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
