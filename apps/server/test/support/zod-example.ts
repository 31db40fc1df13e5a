import { z } from "zod";

// Tried in order for a string field; the first one its schema accepts is used.
const STRING_CANDIDATES = ["test_name01", "测试名称", "2026-01-01", "440700", "x"];

/**
 * A small value that `schema` accepts, for requests whose body must pass validation before access checks run
 * (a cross-scope request must reach the handler to prove it answers 404). Optional fields are left out,
 * `version` is 1. Returns undefined when no value is found; callers then skip the check and say why.
 */
export function exampleOf(schema: z.ZodType, key?: string): unknown {
  if (schema.safeParse(undefined).success) return undefined;
  const value = build(schema, key);
  return schema.safeParse(value).success ? value : undefined;
}

function build(schema: z.ZodType, key: string | undefined): unknown {
  if (schema instanceof z.ZodObject) {
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (field.safeParse(undefined).success) continue;
      out[name] = build(field, name);
    }
    return out;
  }
  if (schema instanceof z.ZodString) return STRING_CANDIDATES.find((c) => schema.safeParse(c).success);
  if (schema instanceof z.ZodNumber)
    return key === "version" ? 1 : [1, 0, 100].find((n) => schema.safeParse(n).success);
  if (schema instanceof z.ZodBoolean) return false;
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodLiteral) return [...schema.values][0];
  if (schema instanceof z.ZodNullable) return null;
  if (schema instanceof z.ZodArray) {
    if (schema.safeParse([]).success) return [];
    // The shortest list the schema accepts (a merge needs at least two items).
    const element = build(schema.element as z.ZodType, undefined);
    return [1, 2, 3]
      .map((n) => Array.from({ length: n }, () => element))
      .find((list) => schema.safeParse(list).success);
  }
  if (schema instanceof z.ZodUnion) return build(schema.options[0] as z.ZodType, key);
  if (schema instanceof z.ZodPipe) return build(schema.in as z.ZodType, key);
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return undefined;
  return undefined;
}
