export * from "./enums";
export * from "./organizations";
export * from "./campaigns";
export * from "./assignments";
export * from "./hazards";
export * from "./files";
export * from "./activity-log";
export * from "./login-attempts";
