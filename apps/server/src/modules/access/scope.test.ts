import { describe, expect, it } from "vitest";
import { canRead, canWrite, type Actor } from "./scope.ts";

const city = "jm";
const county = "jm-pengjiang";
const other = "zj";
const actor = (roles: Actor["roles"], jurisdictionId: string | null, unitId: string | null = null): Actor => ({
  id: "u",
  roles,
  jurisdictionId,
  unitId,
});

describe("access scope", () => {
  it("office staff read and write their jurisdiction and below, nothing beside it", () => {
    const office = actor(["office"], city);
    expect(canWrite(office, { jurisdictionPath: [city] })).toBe(true);
    expect(canWrite(office, { jurisdictionPath: [city, county] })).toBe(true);
    expect(canRead(office, { jurisdictionPath: [other] })).toBe(false);
  });

  it("a county office does not reach the city above it", () => {
    expect(canRead(actor(["office"], county), { jurisdictionPath: [city] })).toBe(false);
  });

  it("a unit liaison reads only its own unit and writes nothing in the registry", () => {
    const liaison = actor(["liaison"], city, "sfj");
    expect(canRead(liaison, { jurisdictionPath: [city], unitId: "sfj" })).toBe(true);
    expect(canRead(liaison, { jurisdictionPath: [city], unitId: "czj" })).toBe(false);
    expect(canWrite(liaison, { jurisdictionPath: [city], unitId: "sfj" })).toBe(false);
  });

  it("viewers read but never write; admins do both anywhere", () => {
    expect(canRead(actor(["viewer"], city), { jurisdictionPath: [city, county] })).toBe(true);
    expect(canWrite(actor(["viewer"], city), { jurisdictionPath: [city] })).toBe(false);
    expect(canWrite(actor(["admin"], null), { jurisdictionPath: [other] })).toBe(true);
  });
});
