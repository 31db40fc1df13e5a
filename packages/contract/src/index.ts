export * from "./parse-output.ts";
export * from "./auth.ts";
export * from "./org.ts";
export * from "./users.ts";
export * from "./plans.ts";
export * from "./calendar.ts";
export * from "./publishing.ts";
export * from "./drafting.ts";
