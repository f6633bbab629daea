// A contender in the lock races of db/pglite-lock.test.ts, run by plain `node` and driven by
// lines on stdin, so one process serves many races without paying node's start-up each time:
//   `race <dataDir> <startAt epoch ms>`: wait for the shared start, try the lock once, answer
//     `won <ms late>` or `lost <ms late> <message>`; a winner keeps holding the lock;
//   `release`: a winner releases it; everyone answers `released`.
// It exits when stdin closes.
import { createInterface } from "node:readline";
import { acquirePgliteLock } from "../../db/pglite-lock.mjs";

let release = null;
const say = (line) => process.stdout.write(`${line}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, dataDir = "", startAt = "0"] = line.split(" ");
  if (command === "race") {
    const wait = Number(startAt) - Date.now() - 5;
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    // The last few milliseconds spinning, so contenders really start together.
    while (Date.now() < Number(startAt));
    const late = Date.now() - Number(startAt);
    try {
      release = acquirePgliteLock(dataDir);
      say(`won ${late}`);
    } catch (error) {
      say(`lost ${late} ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (command === "release") {
    release?.();
    release = null;
    say("released");
  }
}
