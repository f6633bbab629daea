// The remediation area's operations, one file each; code in this repository imports the
// operation's own file, so a route loads only what it calls.
export { applyTemplate } from "./apply-template";
export { createTask } from "./create-task";
export { deleteTask } from "./delete-task";
export { listCaseTasks } from "./list-case-tasks";
export { listMyTasks } from "./list-my-tasks";
export { updateTask } from "./update-task";
