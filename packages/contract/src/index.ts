export * from "./parse-output.ts";
export * from "./auth.ts";
