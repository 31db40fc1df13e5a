import { z } from "zod";
import { deadlineSchema, referenceSchema, unitRoleSchema } from "./parse-output.ts";
import { resolutionSchema } from "./org.ts";

/**
 * Imported documents and their plans (issue #4): the import, document and plan views, and the office's
 * corrections before a plan is published (unit mappings, item edits, split and merge).
 */

// ---- import ----

/** A 公文 file as base64 in JSON (the same shape as the registry import); the server body limit is 50 MB. */
export const importFileRequestSchema = z.object({
  jurisdictionId: z.string().min(1),
  filename: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(50_000_000),
});
export type ImportFileRequest = z.infer<typeof importFileRequestSchema>;

export const sourceFileSchema = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

export const documentSummarySchema = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  sourceFileId: z.string(),
  position: z.number().int(),
  docNumber: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  disclosure: z.string().nullable(),
  previousVersionId: z.string().nullable(),
  /** False once a later version of the same 文号 was imported. */
  isCurrent: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const planStatusSchema = z.enum(["draft", "published"]);
export const planSummarySchema = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  documentId: z.string(),
  position: z.number().int(),
  title: z.string().nullable(),
  source: z.enum(["table", "outline"]),
  columns: z.array(z.string()),
  year: z.number().int().nullable(),
  status: planStatusSchema,
  itemCount: z.number().int(),
  /** Unit occurrences that point at no unit and no group yet. */
  unresolvedCount: z.number().int(),
  /** Number of the latest published version (1, 2…); null while never published. */
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  /** Published, and edited since: the edits stay a draft until the next publish. Always false for liaisons. */
  hasUnpublishedChanges: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** An item is identified across versions by its plan's position and its numbering path. */
export const itemChangeSchema = z.object({
  planPosition: z.number().int(),
  path: z.array(z.string()),
  text: z.string(),
  previousText: z.string().optional(),
});
export const documentChangesSchema = z.object({
  added: z.array(itemChangeSchema),
  removed: z.array(itemChangeSchema),
  changed: z.array(itemChangeSchema),
});
export type DocumentChanges = z.infer<typeof documentChangesSchema>;

export const importedDocumentSchema = documentSummarySchema.extend({
  /** new: first time seen; new_version: same 文号, different content; unchanged: same 文号 and content. */
  outcome: z.enum(["new", "new_version", "unchanged"]),
  changes: documentChangesSchema.nullable(),
});

export const unresolvedNameSchema = z.object({
  name: z.string(),
  occurrences: z.number().int(),
  planIds: z.array(z.string()),
  suggestions: resolutionSchema.shape.suggestions,
});
export type UnresolvedName = z.infer<typeof unresolvedNameSchema>;

export const importResultSchema = z.object({
  /** True when the very same file (SHA-256) was imported into this jurisdiction before: nothing was stored. */
  duplicate: z.boolean(),
  sourceFile: sourceFileSchema,
  documents: z.array(importedDocumentSchema),
  plans: z.array(planSummarySchema),
  unresolved: z.array(unresolvedNameSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// ---- documents ----

export const jurisdictionQuerySchema = z.object({ jurisdictionId: z.string().optional() });

export const documentListSchema = z.object({ items: z.array(documentSummarySchema) });

export const documentLinkSchema = z.object({
  docNumber: z.string(),
  title: z.string().nullable(),
  /** Null while no document with this 文号 is stored (upstream links only). */
  documentId: z.string().nullable(),
});

export const documentDetailSchema = documentSummarySchema.extend({
  recipients: z.array(z.string()),
  cc: z.array(z.string()),
  printed: z.object({ by: z.string().nullable(), date: z.string().nullable() }).nullable(),
  references: z.array(referenceSchema),
  attachments: z.array(z.string()),
  deadlines: z.array(deadlineSchema),
  sourceFile: sourceFileSchema,
  /** Documents this one cites by 文号 (the provincial notice, the national 要点). */
  upstream: z.array(documentLinkSchema),
  /** Documents that cite this one. */
  downstream: z.array(documentLinkSchema),
  /** Every version of this 文号, oldest first (this one included). */
  versions: z.array(z.object({ id: z.string(), createdAt: z.string(), isCurrent: z.boolean() })),
  plans: z.array(planSummarySchema),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

// ---- plans ----

export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const planItemUnitStatusSchema = z.enum([...resolutionSchema.shape.status.options, "manual"]);
export const planItemUnitSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  rawName: z.string(),
  role: unitRoleSchema,
  isGroup: z.boolean(),
  unitId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** How the name was resolved; manual: mapped by the office. */
  status: planItemUnitStatusSchema,
  suggestions: resolutionSchema.shape.suggestions,
});
export type PlanItemUnit = z.infer<typeof planItemUnitSchema>;

export const planItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  path: z.array(z.string()),
  headings: z.array(z.string()),
  text: z.string(),
  criteria: z.string().nullable(),
  unitsText: z.string().nullable(),
  deadlines: z.array(deadlineSchema),
  units: z.array(planItemUnitSchema),
  version: z.number().int(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planDetailSchema = planSummarySchema.extend({ items: z.array(planItemSchema) });
export type PlanDetail = z.infer<typeof planDetailSchema>;

// ---- corrections ----

/** Maps every occurrence of a raw name in the plan to one unit or one group; optionally keeps it as an alias. */
export const unitMappingRequestSchema = z.object({
  rawName: z.string().trim().min(1).max(200),
  unitId: z.string().min(1).optional(),
  groupId: z.string().min(1).optional(),
  saveAsAlias: z.boolean().optional(),
});
export type UnitMappingRequest = z.infer<typeof unitMappingRequestSchema>;
export const unitMappingResultSchema = z.object({
  updated: z.number().int(),
  aliasSaved: z.boolean(),
  plan: planSummarySchema,
});
export type UnitMappingResult = z.infer<typeof unitMappingResultSchema>;

export const itemUnitInputSchema = z.object({
  rawName: z.string().trim().min(1).max(200),
  role: unitRoleSchema,
  isGroup: z.boolean().optional(),
  /** Given: taken as the office's mapping; omitted: the name is resolved against the registry. */
  unitId: z.string().nullable().optional(),
  groupId: z.string().nullable().optional(),
});
export type ItemUnitInput = z.infer<typeof itemUnitInputSchema>;

export const updatePlanItemRequestSchema = z.object({
  version: z.number().int(),
  text: z.string().trim().min(1).max(10_000).optional(),
  criteria: z.string().trim().max(10_000).nullable().optional(),
  units: z.array(itemUnitInputSchema).max(200).optional(),
});
export type UpdatePlanItemRequest = z.infer<typeof updatePlanItemRequestSchema>;

/** The item keeps the first part; each further part becomes a new item right after it, with the same units. */
export const splitPlanItemRequestSchema = z.object({
  version: z.number().int(),
  parts: z.array(z.string().trim().min(1).max(10_000)).min(2).max(50),
});
export type SplitPlanItemRequest = z.infer<typeof splitPlanItemRequestSchema>;

/** The first item in plan order keeps its id and numbering; the others are folded into it and removed. */
export const mergePlanItemsRequestSchema = z.object({
  items: z
    .array(z.object({ id: z.string().min(1), version: z.number().int() }))
    .min(2)
    .max(50),
});
export type MergePlanItemsRequest = z.infer<typeof mergePlanItemsRequestSchema>;
