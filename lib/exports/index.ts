// The exports area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { createExport } from "./create-export";
export { exportPermissions } from "./export-permissions";
export { getExport } from "./get-export";
export { listExports } from "./list-exports";
export { openExportDownload } from "./open-export-download";
export { signingKeyFingerprint } from "./signing-key-fingerprint";
