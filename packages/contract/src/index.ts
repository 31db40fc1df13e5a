export * from "./parse-output.ts";
export * from "./auth.ts";
export * from "./org.ts";
export * from "./users.ts";
