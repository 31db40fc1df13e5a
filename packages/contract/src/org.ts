import { z } from "zod";

/** The organisation registry every plan refers to: jurisdictions, units (with names over time) and groups. */

export const jurisdictionLevelSchema = z.enum(["province", "city", "county", "town"]);
export const jurisdictionSchema = z.object({
  id: z.string(),
  code: z.string().regex(/^\d{6,12}$/, "行政区划代码为 6–12 位数字"),
  name: z.string().min(1),
  level: jurisdictionLevelSchema,
  parentId: z.string().nullable(),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;

export const unitKindSchema = z.enum([
  "office", // 政府办公室 (the 主管部门)
  "department", // 政府工作部门
  "agency", // 直属机构 / 事业单位
  "government", // 下级人民政府（县、市、区、镇、街）
  "party", // 党委部门
  "university",
  "enterprise",
  "other",
]);
export type UnitKind = z.infer<typeof unitKindSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式为 YYYY-MM-DD");

export const unitNameSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["official", "alias", "short"]),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export type UnitName = z.infer<typeof unitNameSchema>;

export const unitSchema = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  name: z.string().min(1),
  shortName: z.string().nullable(),
  kind: unitKindSchema,
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  /** Every name the unit has had or goes by, with validity dates (renames, aliases, short names). */
  names: z.array(unitNameSchema),
  /**
   * The office's remit keywords (职责关键词), as stored, e.g. “司法、法治、行政执法”; null: not set, the keywords are
   * derived from the name. Used to suggest units for plan items.
   */
  remit: z.string().nullable().optional(),
  /** The keywords in effect: `remit` when set, else those derived from the unit's name and kind. */
  remitKeywords: z.array(z.string()).optional(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const createUnitRequestSchema = z.object({
  jurisdictionId: z.string(),
  name: z.string().trim().min(2, "单位全称至少 2 个字").max(100),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: unitKindSchema,
  validFrom: isoDate.nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(100)).optional(),
  remit: z.string().trim().max(500).nullable().optional(),
});
export type CreateUnitRequest = z.infer<typeof createUnitRequestSchema>;

export const updateUnitRequestSchema = z.object({
  version: z.number().int(),
  name: z.string().trim().min(2).max(100).optional(),
  /** When the unit is renamed: the old name stays as a name valid until the day before this date. */
  renamedOn: isoDate.optional(),
  shortName: z.string().trim().max(50).nullable().optional(),
  kind: unitKindSchema.optional(),
  validTo: isoDate.nullable().optional(),
  /** Remit keywords separated by spaces or 、; null or empty: derive them from the name again. */
  remit: z.string().trim().max(500).nullable().optional(),
});
export type UpdateUnitRequest = z.infer<typeof updateUnitRequestSchema>;

export const addAliasRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const unitGroupSchema = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  name: z.string().min(1),
  /** 市有关单位: the office names the members per item instead of once. */
  perItem: z.boolean(),
  memberIds: z.array(z.string()),
  version: z.number().int(),
});
export type UnitGroup = z.infer<typeof unitGroupSchema>;

export const setGroupMembersRequestSchema = z.object({ version: z.number().int(), memberIds: z.array(z.string()) });

export const resolveNamesRequestSchema = z.object({
  jurisdictionId: z.string(),
  /** The document's date: a unit's name is resolved as it was on that day. */
  date: isoDate.nullable().optional(),
  names: z.array(z.string().min(1).max(200)).max(2000),
});
export type ResolveNamesRequest = z.infer<typeof resolveNamesRequestSchema>;

export const resolutionSchema = z.object({
  name: z.string(),
  status: z.enum(["exact", "alias", "prefix", "historical", "group", "unresolved"]),
  unitId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** Ranked best first; present for every status, empty when the match is certain. */
  suggestions: z.array(z.object({ unitId: z.string(), name: z.string(), score: z.number() })),
});
export type Resolution = z.infer<typeof resolutionSchema>;
export const resolveNamesResponseSchema = z.object({ results: z.array(resolutionSchema) });

export const importReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

// ---- Lists, groups, resolution and exchange (issue #3) ----

export const jurisdictionListSchema = z.object({ items: z.array(jurisdictionSchema) });

export const listUnitsQuerySchema = z.object({
  jurisdictionId: z.string().optional(),
  /** Matches any of the unit's names (official, former, alias, short). */
  q: z.string().trim().max(100).optional(),
  /** Also list the units of every jurisdiction below (counties, towns). */
  includeBelow: z.stringbool().optional(),
});
export const unitListSchema = z.object({ items: z.array(unitSchema) });

export const listGroupsQuerySchema = z.object({ jurisdictionId: z.string().optional() });
export const unitGroupListSchema = z.object({ items: z.array(unitGroupSchema) });

export const createGroupRequestSchema = z.object({
  jurisdictionId: z.string(),
  name: z.string().trim().min(2, "组名至少 2 个字").max(100),
  perItem: z.boolean().optional(),
  memberIds: z.array(z.string()).optional(),
});
export type CreateGroupRequest = z.infer<typeof createGroupRequestSchema>;

export const orgExportQuerySchema = z.object({
  jurisdictionId: z.string(),
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  /** CSV holds one table per file: units (default) or groups. An .xlsx holds both as two sheets. */
  sheet: z.enum(["units", "groups"]).default("units"),
});

/** An .xlsx (both sheets) or a .csv (units or groups, told apart by the header row), as base64 in JSON. */
export const orgImportRequestSchema = z.object({
  jurisdictionId: z.string(),
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(30_000_000),
});
export type OrgImportRequest = z.infer<typeof orgImportRequestSchema>;
