import { z } from "zod";

/** The contract of `luoshi parse FILE --json` (../shared/parse-output.md). Field names and meanings are fixed. */

export const unitRoleSchema = z.enum(["lead", "assist", "responsible", "supervise"]);
export type UnitRole = z.infer<typeof unitRoleSchema>;

export const deadlineSchema = z.object({
  text: z.string(),
  kind: z.enum(["by", "recurring", "within", "standing"]),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  amount: z.number().positive().optional(),
  unit: z.enum(["workday", "day", "month", "hour"]).optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const parsedUnitSchema = z.object({
  name: z.string().min(1),
  role: unitRoleSchema,
  group: z.boolean(),
});
export type ParsedUnit = z.infer<typeof parsedUnitSchema>;

export const parsedItemSchema = z.object({
  path: z.array(z.string()),
  headings: z.array(z.string()),
  text: z.string(),
  criteria: z.string().nullable(),
  unitsText: z.string().nullable(),
  units: z.array(parsedUnitSchema),
  deadlines: z.array(deadlineSchema),
});
export type ParsedItem = z.infer<typeof parsedItemSchema>;

export const parsedPlanSchema = z.object({
  title: z.string().nullable(),
  source: z.enum(["table", "outline"]),
  columns: z.array(z.string()),
  items: z.array(parsedItemSchema),
});
export type ParsedPlan = z.infer<typeof parsedPlanSchema>;

export const referenceSchema = z.object({ title: z.string().nullable(), docNumber: z.string().nullable() });
export type DocReference = z.infer<typeof referenceSchema>;

export const parsedDocumentSchema = z.object({
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  recipients: z.array(z.string()),
  cc: z.array(z.string()),
  disclosure: z.string().nullable(),
  printed: z.object({ by: z.string().nullable(), date: z.string().nullable() }).nullable(),
  references: z.array(referenceSchema),
  attachments: z.array(z.string()),
  deadlines: z.array(deadlineSchema),
  plans: z.array(parsedPlanSchema),
});
export type ParsedDocument = z.infer<typeof parsedDocumentSchema>;

export const parseWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
});
export type ParseWarning = z.infer<typeof parseWarningSchema>;

export const parseOutputSchema = z.object({
  documents: z.array(parsedDocumentSchema),
  warnings: z.array(parseWarningSchema),
});
export type ParseOutput = z.infer<typeof parseOutputSchema>;

/** The error body every Luoshi surface uses: CLI stderr and HTTP responses alike. */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof errorBodySchema>;
