// The personas area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { addIdentifier } from "./add-identifier";
export { addRedFlag } from "./add-red-flag";
export { attachPersona } from "./attach-persona";
export { createLink } from "./create-link";
export { createPersona } from "./create-persona";
export { deleteLink } from "./delete-link";
export { detachPersona } from "./detach-persona";
export { getPersona } from "./get-persona";
export { listCasePersonas } from "./list-case-personas";
export { listPersonaLinks } from "./list-persona-links";
export { listPersonas } from "./list-personas";
export { removeIdentifier } from "./remove-identifier";
export { removeRedFlag } from "./remove-red-flag";
export { updateLink } from "./update-link";
export { updatePersona } from "./update-persona";
