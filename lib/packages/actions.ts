import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { cancelPackage } from "./cancel";
import { addPackageDocument, removeDocumentSchema, removePackageDocument, uploadDocumentSchema } from "./documents";
import { reinitializePackage } from "./reinitialize";
import { reviewPackage, reviewPackageFromLink } from "./review";
import { commentSchema, packageFormSchema, packageIdSchema, reviewSchema, updatePackageSchema } from "./schemas";
import { submitPackage } from "./submit";
import { createPackage, updatePackage } from "./write";

export const createPackageDef = defineAction({
  name: "createPackage",
  access: "central",
  schema: packageFormSchema,
  handler: async ({ db, actor }, input) => ({ id: await db.transaction((tx) => createPackage(tx, actor, input)) }),
});

export const updatePackageDef = defineAction({
  name: "updatePackage",
  access: "central",
  schema: updatePackageSchema,
  handler: async ({ db, actor }, { id, ...input }) => {
    await db.transaction((tx) => updatePackage(tx, actor, id, input));
    return { id };
  },
});

export const submitPackageDef = defineAction({
  name: "submitPackage",
  access: "central",
  schema: packageIdSchema,
  handler: ({ db, actor }, { packageId }) => db.transaction((tx) => submitPackage(tx, actor, packageId)),
});

export const reviewPackageDef = defineAction({
  name: "reviewPackage",
  access: "central",
  schema: reviewSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewPackage(tx, actor, input)),
});

export const reviewPackageFromLinkDef = defineAction({
  name: "reviewPackageFromLink",
  access: "central",
  schema: z.object({ token: z.string().min(1).max(100), decision: z.enum(["accept", "reject"]), comment: z.string().max(2000).optional() }).refine(
    (v) => v.decision === "accept" || (v.comment ?? "").trim().length > 0,
    { path: ["comment"], message: "Enter a comment: it is shown to the people concerned." },
  ),
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewPackageFromLink(tx, actor, input)),
});

export const cancelPackageDef = defineAction({
  name: "cancelPackage",
  access: "central",
  schema: commentSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => cancelPackage(tx, actor, input)),
});

export const reinitializePackageDef = defineAction({
  name: "reinitializePackage",
  access: "central",
  schema: packageIdSchema,
  handler: ({ db, actor }, { packageId }) => db.transaction((tx) => reinitializePackage(tx, actor, packageId)),
});

export const addPackageDocumentDef = defineAction({
  name: "addPackageDocument",
  access: "central",
  schema: uploadDocumentSchema,
  handler: ({ db }, input) => db.transaction((tx) => addPackageDocument(tx, input)),
});

export const removePackageDocumentDef = defineAction({
  name: "removePackageDocument",
  access: "central",
  schema: removeDocumentSchema,
  handler: ({ db }, input) => db.transaction((tx) => removePackageDocument(tx, input)),
});
