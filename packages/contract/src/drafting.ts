import { z } from "zod";
import { unitRoleSchema } from "./parse-output.ts";
import { planDetailSchema } from "./plans.ts";

/**
 * From upstream to local plan (issue #4): drafting a local plan from an upstream one with suggested units, the
 * record of which upstream items each local item implements, and the coverage view.
 */

// ---- “Create our plan from this” ----

export const draftPlanRequestSchema = z.object({
  /** The upstream plan (national or provincial) to draft from. */
  upstreamPlanId: z.string().min(1),
  /** The office's jurisdiction that will own the draft. */
  jurisdictionId: z.string().min(1),
  title: z.string().trim().min(1).max(200).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type DraftPlanRequest = z.infer<typeof draftPlanRequestSchema>;

/** Why a unit is suggested for a drafted item. */
export const unitSuggestionSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  role: unitRoleSchema,
  /** 0..1, higher is surer. */
  score: z.number(),
  /** history: assigned similar items in an earlier plan of this jurisdiction; remit: keywords of the unit's remit. */
  basis: z.enum(["history", "remit"]),
  /** Human-readable reason, e.g. “2019年方案 四（十二）由其牵头” or “职责关键词：司法、法治”. */
  reason: z.string(),
});
export type UnitSuggestion = z.infer<typeof unitSuggestionSchema>;

export const draftPlanResultSchema = z.object({
  plan: planDetailSchema,
  /** Per drafted item (by item id): suggested units not yet confirmed, best first. */
  suggestions: z.record(z.string(), z.array(unitSuggestionSchema)),
});
export type DraftPlanResult = z.infer<typeof draftPlanResultSchema>;

export const itemSuggestionsSchema = z.object({ items: z.array(unitSuggestionSchema) });

// ---- item links (local item implements upstream items) ----

export const itemLinkSchema = z.object({
  upstreamItemId: z.string(),
  upstreamPlanId: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  /** draft: created by drafting; office: recorded by a person. */
  origin: z.enum(["draft", "office"]),
});
export type ItemLink = z.infer<typeof itemLinkSchema>;

export const setItemLinksRequestSchema = z.object({
  upstreamItemIds: z.array(z.string().min(1)).max(50),
});
export type SetItemLinksRequest = z.infer<typeof setItemLinksRequestSchema>;
export const itemLinkListSchema = z.object({ items: z.array(itemLinkSchema) });

// ---- coverage ----

export const coverageQuerySchema = z.object({
  /**
   * Defaults to the plan this one was drafted from, else the largest plan of the documents its document cites by
   * 文号, followed up the citation chain (city notice → provincial forward → national 要点).
   */
  upstreamPlanId: z.string().optional(),
});

export const coverageStatusSchema = z.enum(["covered", "partly", "not-covered"]);
export type CoverageStatusValue = z.infer<typeof coverageStatusSchema>;

const localMatchSchema = z.object({
  localId: z.string(),
  path: z.array(z.string()),
  text: z.string(),
  score: z.number(),
  linked: z.boolean(),
});

export const coverageReportSchema = z.object({
  planId: z.string(),
  /** Null when no upstream plan was given and none is cited (or readable): the report is then empty. */
  upstreamPlanId: z.string().nullable(),
  upstreamTitle: z.string().nullable(),
  localTitle: z.string().nullable(),
  /** Upstream plans the caller could compare against instead (from the 文号 links). */
  upstreamCandidates: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
  summary: z.object({
    covered: z.number().int(),
    partly: z.number().int(),
    notCovered: z.number().int(),
    unsure: z.number().int(),
  }),
  items: z.array(
    z.object({
      upstreamId: z.string(),
      path: z.array(z.string()),
      text: z.string(),
      status: coverageStatusSchema,
      basis: z.enum(["link", "similarity"]),
      taskShare: z.number(),
      tasksTakenUp: z.number().int(),
      taskCount: z.number().int(),
      unsure: z.boolean(),
      matches: z.array(localMatchSchema),
      suggestions: z.array(localMatchSchema),
    }),
  ),
  unmatchedLocal: z.array(z.object({ localId: z.string(), path: z.array(z.string()), text: z.string() })),
});
export type CoverageReport = z.infer<typeof coverageReportSchema>;
