import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertToDocx, findSoffice } from "./soffice.ts";

describe("findSoffice", () => {
  it("finds nothing on an empty PATH", () => {
    expect(findSoffice("")).toBeUndefined();
  });

  it("accepts either name, first match on PATH wins", () => {
    const root = mkdtempSync(join(tmpdir(), "luoshi-path-"));
    const [a, b] = [join(root, "a"), join(root, "b")];
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(b, "libreoffice"), "#!/bin/sh\n");
    chmodSync(join(b, "libreoffice"), 0o755);
    expect(findSoffice([a, b].join(delimiter))).toBe(join(b, "libreoffice"));
    rmSync(root, { recursive: true });
  });
});

describe("convertToDocx", () => {
  it("reports SOFFICE_MISSING with install advice when LibreOffice is absent", async () => {
    const result = await convertToDocx({ bytes: new Uint8Array([1]), filename: "a.doc", pathEnv: "" });
    expect(result.ok ? "ok" : result.error.code).toBe("SOFFICE_MISSING");
    expect(result.ok ? "" : result.error.message).toContain("apt-get install libreoffice-writer");
  });
});
