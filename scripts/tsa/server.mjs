// A local RFC 3161 time-stamping authority for tests and development: answers
// application/timestamp-query POSTs by running `openssl ts -reply` with the key and certificate
// made by scripts/tsa-server.sh, and serves its CA certificate at GET /ca.pem. OpenSSL does all
// the cryptography; this file only moves bytes.
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const [dir, portArg] = process.argv.slice(2);
if (!dir || !portArg) {
  console.error("usage: node server.mjs <state dir> <port>");
  process.exit(2);
}
const MAX_QUERY_BYTES = 64 * 1024;
// One reply at a time: openssl rewrites the serial-number file on every reply.
let queue = Promise.resolve();

function reply(query) {
  return new Promise((resolve, reject) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "casework-tsa-q-"));
    const queryFile = path.join(work, "query.tsq");
    const replyFile = path.join(work, "reply.tsr");
    fs.writeFileSync(queryFile, query);
    execFile(
      "openssl",
      ["ts", "-reply", "-config", path.join(dir, "tsa.cnf"), "-queryfile", queryFile, "-out", replyFile],
      { cwd: dir },
      (error, _stdout, stderr) => {
        try {
          if (error) reject(new Error(stderr || error.message));
          else resolve(fs.readFileSync(replyFile));
        } finally {
          fs.rmSync(work, { recursive: true, force: true });
        }
      },
    );
  });
}

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/ca.pem") {
    res.writeHead(200, { "content-type": "application/x-pem-file" });
    res.end(fs.readFileSync(path.join(dir, "ca.pem")));
    return;
  }
  if (req.method === "GET" && req.url === "/health") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
    return;
  }
  if (req.method !== "POST" || req.headers["content-type"] !== "application/timestamp-query") {
    res.writeHead(415, { "content-type": "text/plain" });
    res.end("POST an application/timestamp-query\n");
    return;
  }
  const chunks = [];
  let size = 0;
  req.on("data", (c) => {
    size += c.length;
    if (size > MAX_QUERY_BYTES) req.destroy();
    else chunks.push(c);
  });
  req.on("end", () => {
    const answer = queue.then(() => reply(Buffer.concat(chunks)));
    queue = answer.catch(() => {});
    answer.then(
      (body) => {
        res.writeHead(200, { "content-type": "application/timestamp-reply", "content-length": body.length });
        res.end(body);
      },
      (error) => {
        res.writeHead(400, { "content-type": "text/plain" });
        res.end(`${error.message}\n`);
      },
    );
  });
});
server.listen(Number(portArg), "127.0.0.1", () => console.log(`TSA listening on http://127.0.0.1:${portArg}/`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
