export * from "./auth";
export * from "./cases";
export * from "./evidence";
export * from "./personas";
export * from "./remediation";
export * from "./referrals";
export * from "./exports";
export * from "./audit";
