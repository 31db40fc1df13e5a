import { z } from "zod";
import { deadlineSchema, unitRoleSchema } from "./parse-output.ts";

/**
 * Publishing a plan (issue #4): a numbered, frozen version; one assignment per item × unit with its role; a change
 * list per version sent to the units it affects; what a unit's liaison sees; the public page.
 */

/** A deadline as written, and the date it resolves to on the working-day calendar (null: standing or event-based). */
export const resolvedDeadlineSchema = deadlineSchema.extend({
  resolvedDate: z.string().nullable(),
  /** Why no date: “长期坚持”, “以事件发生日起算”, or the calendar error (e.g. the year has no calendar data). */
  note: z.string().nullable(),
});
export type ResolvedDeadline = z.infer<typeof resolvedDeadlineSchema>;

export const publishPlanRequestSchema = z.object({
  /** The plan's current version (optimistic locking, like every edit). */
  version: z.number().int(),
  /** 版本说明, shown to the units with the change list. */
  note: z.string().trim().max(500).optional(),
});
export type PublishPlanRequest = z.infer<typeof publishPlanRequestSchema>;

export const planChangeKindSchema = z.enum(["added", "removed", "changed"]);
/** One item's change between two published versions. */
export const planChangeSchema = z.object({
  kind: planChangeKindSchema,
  /** The item's stable id (kept across versions; a removed item keeps the id it had). */
  itemId: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  previousText: z.string().nullable(),
  /** What changed for a "changed" item. */
  fields: z.array(z.enum(["text", "criteria", "deadlines", "units"])),
  /** Units (ids) whose assignments this change touches: old and new holders alike. */
  unitIds: z.array(z.string()),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

/**
 * A group occurrence that assigned nobody: a per-item group (市有关单位, “the office says who for each item”) or a group
 * without members in the registry. Publishing goes ahead — the printed plan says it that way too — and the
 * office names the units (item edit) or fills the group, then publishes again.
 */
export const unassignedGroupSchema = z.object({
  rawName: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  reason: z.enum(["per_item", "no_members"]),
  /** Items (ids) naming it. */
  itemIds: z.array(z.string()),
});
export type UnassignedGroup = z.infer<typeof unassignedGroupSchema>;

export const planVersionSchema = z.object({
  id: z.string(),
  planId: z.string(),
  /** 1, 2, 3… per plan. */
  number: z.number().int(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable(),
  itemCount: z.number().int(),
  assignmentCount: z.number().int(),
  unitCount: z.number().int(),
  /** Units told about this version. */
  notifiedUnitCount: z.number().int(),
  /** Empty for version 1. */
  changes: z.array(planChangeSchema),
  unassigned: z.array(unassignedGroupSchema),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;
export const planVersionListSchema = z.object({ items: z.array(planVersionSchema) });

export const publishResultSchema = z.object({
  version: planVersionSchema,
  /** Units told about this version (all assigned units for v1; the affected ones after). */
  notifiedUnitIds: z.array(z.string()),
  /** Unit occurrences still unresolved: they get no assignment (publishing is refused while any remain). */
  unresolvedCount: z.number().int(),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

/** An item assigned to a unit in a published version. */
export const assignmentSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string().nullable(),
  planYear: z.number().int().nullable(),
  versionNumber: z.number().int(),
  itemId: z.string(),
  path: z.array(z.string()),
  headings: z.array(z.string()),
  text: z.string(),
  criteria: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  role: unitRoleSchema,
  /** Reached through a group (e.g. 各县（市、区）政府) rather than named directly. */
  viaGroup: z.string().nullable(),
  deadlines: z.array(resolvedDeadlineSchema),
  /** The other units on the item, so a lead unit knows whom it coordinates. */
  otherUnits: z.array(z.object({ unitId: z.string().nullable(), name: z.string(), role: unitRoleSchema })),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentQuerySchema = z.object({
  planId: z.string().optional(),
  /** Office/admin only: the unit whose list to show; liaisons and leaders always get their own unit. */
  unitId: z.string().optional(),
  role: unitRoleSchema.optional(),
});
export const assignmentListSchema = z.object({ items: z.array(assignmentSchema) });

/**
 * A change list sent to one unit when a version it is affected by is published: for version 1 no changes (the
 * whole plan is new; `assignmentCount` says how many items are the unit's), after that only the changes that
 * touch the unit, each with `unitIds` narrowed to this unit.
 */
export const unitNoticeSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string().nullable(),
  versionNumber: z.number().int(),
  unitId: z.string(),
  note: z.string().nullable(),
  changes: z.array(planChangeSchema),
  /** The unit's items in this version. */
  assignmentCount: z.number().int(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type UnitNotice = z.infer<typeof unitNoticeSchema>;
export const unitNoticeListSchema = z.object({ items: z.array(unitNoticeSchema) });
export const noticeQuerySchema = z.object({
  /** Office/admin/viewer only: whose notices; liaisons and leaders always get their own unit's. */
  unitId: z.string().optional(),
  unreadOnly: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

// ---- export (分工方案 / 本单位任务清单) ----

export const planExportQuerySchema = z.object({
  format: z.enum(["docx", "xlsx"]),
  /** A unit's task list (本单位任务清单) instead of the whole table; liaisons and leaders get their own unit's. */
  unitId: z.string().optional(),
  /**
   * published (default when a version exists): the latest published version; draft: the office's working copy
   * (not for liaisons and leaders). The default for a plan never published is the draft.
   */
  source: z.enum(["published", "draft"]).optional(),
});
export type PlanExportQuery = z.infer<typeof planExportQuerySchema>;

// ---- public page (no login) ----

export const publicPlanQuerySchema = z.object({ jurisdiction: z.string().trim().min(1).max(20) });

export const publicPlanSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  jurisdictionName: z.string(),
  docNumber: z.string().nullable(),
  versionNumber: z.number().int(),
  publishedAt: z.string(),
  items: z.array(
    z.object({
      path: z.array(z.string()),
      headings: z.array(z.string()),
      text: z.string(),
      units: z.array(z.object({ name: z.string(), role: unitRoleSchema })),
      deadlines: z.array(z.string()),
    }),
  ),
});
export type PublicPlan = z.infer<typeof publicPlanSchema>;
export const publicPlanListSchema = z.object({
  items: z.array(
    publicPlanSchema.pick({
      id: true,
      title: true,
      year: true,
      jurisdictionName: true,
      versionNumber: true,
      publishedAt: true,
    }),
  ),
});
