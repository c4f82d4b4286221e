"use client";

import type { UseFormReturn } from "react-hook-form";
import { collectGraphErrors } from "@/components/workflows/graph-errors";
import { WorkflowGraphField } from "@/components/workflows/workflow-graph-field";
import { Card } from "@/components/ui/card";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import type { WorkflowEditorOptions } from "@/lib/workflows/graph-options";

/** A running workflow is not edited here, but a refusal about it must still be seen. */
function LockedProblems({ form }: { form: UseFormReturn<CampaignInput> }) {
  const activities = form.getValues("activities") ?? [];
  const errors = collectGraphErrors(form.formState.errors.activities, activities);
  const messages = [...errors.general, ...Object.values(errors.byId).flatMap((e) => Object.values(e))];
  if (!messages.length) return null;
  return (
    <ul role="alert" className="space-y-1 text-sm text-red-700">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** The reference campaign's workflow in its form: the graph editor while the workflow is being edited. */
export function WorkflowCard({ form, status, locked, options }: { form: UseFormReturn<CampaignInput>; status?: string; locked: boolean; options: WorkflowEditorOptions }) {
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">
          Workflow {status ? <span className="font-normal text-slate-500">· {status}</span> : null}
        </h2>
        <p className="text-xs text-slate-500">
          {locked
            ? "The workflow is no longer being edited: its activities cannot change. Run the workflow above shows it with its populations."
            : "From the Query, each activity leads to the next; a fork sends the same population down several branches, each ending on a Delivery or an End."}
        </p>
      </div>
      {locked ? <LockedProblems form={form} /> : <WorkflowGraphField control={form.control} name="activities" distributions={options.distributions} providers={options.providers} />}
    </Card>
  );
}
