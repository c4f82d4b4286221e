import { defineAction } from "@/lib/actions";
import { saveCampaign } from "./campaigns";
import { evaluateCampaignTarget, updateLocalCampaign } from "./local-campaigns";
import { evaluateCampaignSchema, localCampaignSchema } from "./local-schemas";
import { createPlan, createProgram, updatePlan, updateProgram } from "./plans";
import { campaignSchema, planSchema, programSchema, templateSchema, updateCampaignSchema, updatePlanSchema, updateProgramSchema, updateTemplateSchema } from "./schemas";
import { saveTemplate } from "./templates";

export const createPlanDef = defineAction({
  name: "createPlan",
  access: "central",
  schema: planSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => createPlan(tx, input)) }),
});

export const createProgramDef = defineAction({
  name: "createProgram",
  access: "central",
  schema: programSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => createProgram(tx, input)) }),
});

// Registered through lib/budgets/budget-actions.ts: choosing a plan's or program's budget is part of budgets (§9).
export const updatePlanDef = defineAction({
  name: "updatePlan",
  access: "central",
  schema: updatePlanSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => updatePlan(tx, input)) }),
});

export const updateProgramDef = defineAction({
  name: "updateProgram",
  access: "central",
  schema: updateProgramSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => updateProgram(tx, input)) }),
});

export const createTemplateDef = defineAction({
  name: "createCampaignTemplate",
  access: "central",
  schema: templateSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => saveTemplate(tx, input)) }),
});

export const updateTemplateDef = defineAction({
  name: "updateCampaignTemplate",
  access: "central",
  schema: updateTemplateSchema,
  handler: async ({ db }, { id, ...input }) => ({ id: await db.transaction((tx) => saveTemplate(tx, input, id)) }),
});

export const createCampaignDef = defineAction({
  name: "createReferenceCampaign",
  access: "central",
  schema: campaignSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => saveCampaign(tx, input)) }),
});

export const updateCampaignDef = defineAction({
  name: "updateReferenceCampaign",
  access: "central",
  schema: updateCampaignSchema,
  handler: async ({ db }, { id, ...input }) => ({ id: await db.transaction((tx) => saveCampaign(tx, input, id)) }),
});

// The entity's side: its own campaign (local package) or child campaign (by campaign), §3.
export const updateLocalCampaignDef = defineAction({
  name: "updateLocalCampaign",
  access: "entity",
  schema: localCampaignSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => updateLocalCampaign(tx, entity, input)),
});

export const evaluateCampaignTargetDef = defineAction({
  name: "evaluateCampaignTarget",
  access: "entity",
  schema: evaluateCampaignSchema,
  handler: ({ db, entity }, input) => evaluateCampaignTarget(db, entity.id, input.campaignId),
});
