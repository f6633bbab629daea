/** Takes the embedded database's lock file in `dataDir`, or throws naming the process that holds it. Returns the release function. */
export function acquirePgliteLock(dataDir: string, options?: { timeoutMs?: number }): () => void;
