// Entry of the text-extraction worker thread: it loads the TypeScript sources through tsx, as
// the CLI and the start script do, so the extractors are type-checked with the rest of the code.
import { tsImport } from "tsx/esm/api";

await tsImport("./extract-worker.ts", import.meta.url);
