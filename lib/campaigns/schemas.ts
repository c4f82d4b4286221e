import { z } from "zod";
import type { PersonalizationField, Recurrence, WorkflowActivity, collaborativeTypes as dbCollaborativeTypes } from "@/db/schema/campaigns";
import { internalNameField } from "@/lib/entities/schemas";
import { workflowGraphSchema, type GraphActivityInput } from "@/lib/workflows/graph";
import { localEditableParts, targetingSchema, typologySchema } from "./local-schemas";

// Listed here rather than imported, so that forms in the browser do not pull in the database schema.
export const collaborativeTypes = ["simple", "by_form", "by_campaign", "by_target_approval"] as const satisfies typeof dbCollaborativeTypes;
export const fieldTypes = ["text", "number", "date", "select", "boolean", "file"] as const satisfies readonly PersonalizationField["type"][];
export const activityKinds = ["query", "split", "local_approval", "delivery", "wait", "end"] as const satisfies readonly WorkflowActivity["kind"][];

const label = z.string().trim().min(1, "Enter a label.").max(120, "Keep the label under 120 characters.");
const id = z.uuid();

// The budget a plan or program charges (§9): its campaigns charge it unless they name their own.
// "" = none; absent counts as none, for callers that predate budgets.
const budgetId = z.union([z.literal(""), z.uuid("Choose a budget from the list.")], { error: "Choose a budget from the list." }).default("");

export const planSchema = z.object({ label, budgetId });
export type PlanInput = z.input<typeof planSchema>;
export const updatePlanSchema = planSchema.extend({ id });

export const programSchema = z.object({ planId: z.uuid("Choose a plan."), label, budgetId });
export type ProgramInput = z.input<typeof programSchema>;
export const updateProgramSchema = programSchema.extend({ id });

export const personalizationFieldSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(40, "Keep the name under 40 characters.")
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Start with a letter; then letters, digits or _ only, like storeName."),
  label,
  type: z.enum(fieldTypes, { message: "Choose a type." }),
  required: z.boolean(),
  default: z.string().trim().max(500, "Keep the default under 500 characters."),
  help: z.string().trim().max(500, "Keep the help under 500 characters."),
  options: z.array(z.string().trim().min(1).max(100, "Keep each option under 100 characters.")).max(100, "Offer at most 100 options."),
});
export type PersonalizationFieldInput = z.input<typeof personalizationFieldSchema>;

const count = z.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Use 0 or more.").max(50, "Use 50 at most.");

export const templateSchema = z
  .object({
    label,
    internalName: internalNameField,
    distributionLevel: z.enum(["local", "collaborative"], { message: "Choose a distribution level." }),
    collaborativeType: z.union([z.literal(""), z.enum(collaborativeTypes)]),
    webInterfaceType: z.enum(["preset", "by_brief", "by_form"], { message: "Choose a web interface type." }),
    maxReviewers: count,
    maxDocuments: count,
    personalizationFields: z.array(personalizationFieldSchema).max(50, "Use at most 50 personalization fields."),
    // What local entities may change on their own and child campaigns made from this template.
    localEditable: z.array(z.enum(localEditableParts, { message: "Choose among the parts listed." })).max(localEditableParts.length),
  })
  .superRefine((v, ctx) => {
    if (v.distributionLevel === "collaborative" && !v.collaborativeType) {
      ctx.addIssue({ code: "custom", path: ["collaborativeType"], message: "Choose the collaborative type." });
    }
    if (v.distributionLevel === "collaborative" && v.collaborativeType === "by_form" && v.personalizationFields.length === 0) {
      // Entities of a by-form campaign fill in these fields when they order: with none there is nothing to fill in.
      ctx.addIssue({ code: "custom", path: ["personalizationFields"], message: "A by-form template needs at least one personalization field." });
    }
    const seen = new Set<string>();
    v.personalizationFields.forEach((f, i) => {
      const at = (key: string, message: string) => ctx.addIssue({ code: "custom", path: ["personalizationFields", i, key], message });
      const name = f.name.toLowerCase();
      if (seen.has(name)) at("name", "Another field already uses this name.");
      seen.add(name);
      if (f.type === "select" && f.options.length === 0) at("options", "Add at least one option.");
      if (f.type === "select" && new Set(f.options).size !== f.options.length) at("options", "List each option once.");
      const problem = defaultProblem(f);
      if (problem) at("default", problem);
    });
  });
export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateValues = z.output<typeof templateSchema>;
export const updateTemplateSchema = templateSchema.and(z.object({ id }));

// A file field's default is ignored rather than refused: the form offers no way to type one.
function defaultProblem(f: z.output<typeof personalizationFieldSchema>): string | undefined {
  if (!f.default || f.type === "file") return undefined;
  switch (f.type) {
    case "number":
      return Number.isFinite(Number(f.default)) ? undefined : "Enter a number, or leave it empty.";
    case "date":
      return isDay(f.default) ? undefined : "Enter a date as YYYY-MM-DD, or leave it empty.";
    case "boolean":
      return f.default === "true" || f.default === "false" ? undefined : "Use true or false, or leave it empty.";
    case "select":
      return f.options.includes(f.default) ? undefined : "Use one of the options, or leave it empty.";
    default:
      return undefined;
  }
}

function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

// The workflow is a graph of activities, checked by its own rules (lib/workflows/graph.ts).
export type ActivityInput = GraphActivityInput;

const day = z.string().refine(isDay, "Enter a date.");

// Recurring and periodic campaigns: an occurrence every N days, weeks or months (lib/campaigns/README-occurrences.md).
export const recurrenceUnits = ["day", "week", "month"] as const satisfies readonly Recurrence["unit"][];
export const recurrenceSchema = z.object({
  every: z
    .number({ error: "Enter how often, as a whole number of days, weeks or months." })
    .int("Enter a whole number.")
    .min(1, "Use 1 or more.")
    .max(366, "Use 366 at most."),
  unit: z.enum(recurrenceUnits, { message: "Choose days, weeks or months." }),
});

export const campaignSchema = z
  .object({
    label,
    internalName: internalNameField,
    programId: z.uuid("Choose a program."),
    templateId: z.uuid("Choose a template."),
    managerId: z.union([z.literal(""), z.uuid()]),
    startDate: day,
    endDate: day,
    type: z.enum(["unique", "recurring", "periodic"], { message: "Choose a type." }),
    // Required for a recurring or periodic campaign; a unique one saves none.
    recurrence: recurrenceSchema.nullish(),
    activities: workflowGraphSchema,
    // The message the deliveries send; `{{name}}` placeholders take contact and personalization values.
    content: z.object({
      subject: z.string().trim().max(200, "Keep the subject under 200 characters."),
      body: z.string().max(20_000, "Keep the message under 20,000 characters."),
    }),
    // The Query activity's filter, kept on the workflow, and the typology rules of the deliveries.
    targeting: targetingSchema,
    typology: typologySchema,
  })
  .superRefine((v, ctx) => {
    if (isDay(v.startDate) && isDay(v.endDate) && v.endDate < v.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "End on or after the start date." });
    }
    if (v.type !== "unique" && !v.recurrence) {
      ctx.addIssue({ code: "custom", path: ["recurrence", "every"], message: "A recurring or periodic campaign needs its frequency: every how many days, weeks or months." });
    }
  });
export type CampaignInput = z.input<typeof campaignSchema>;
export type CampaignValues = z.output<typeof campaignSchema>;
export const updateCampaignSchema = campaignSchema.and(z.object({ id }));
