// Shared by server and browser: import nothing from drizzle or db/ here, so client components
// can use these lists without pulling table definitions into their bundle. db/schema builds its
// pgEnums from them.

export const userRoles = ["admin", "manager", "investigator", "legal"] as const;
export type UserRole = (typeof userRoles)[number];
