export * from "./parse-output.ts";
