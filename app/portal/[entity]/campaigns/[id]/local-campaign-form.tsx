"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type ReactNode } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import { z } from "zod";
import { TargetingEditor, TargetingSummary } from "@/components/campaigns/targeting-editor";
import { TypologyEditor, TypologySummary } from "@/components/campaigns/typology-editor";
import { ParameterFields } from "@/components/orders/parameter-fields";
import { WorkflowGraphField } from "@/components/workflows/workflow-graph-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { LocalEditablePart, PersonalizationField } from "@/db/schema/campaigns";
import type { TargetEvaluation } from "@/lib/campaigns/targeting";
import { localCampaignSchema, targetingSchema, typologySchema, type TargetingInput, type TypologyInput } from "@/lib/campaigns/local-schemas";
import { parametersSchema } from "@/lib/orders/parameters";
import { workflowGraphSchema, type GraphActivityInput } from "@/lib/workflows/graph";
import type { WorkflowEditorOptions } from "@/lib/workflows/graph-options";
import { formatDateTime } from "@/lib/utils";
import { evaluateCampaignTargetAction, updateLocalCampaignAction } from "./actions";

/** The form keeps personalization values under `parameters`, the name the shared field renderer uses. */
export type LocalCampaignFormValues = {
  targeting: TargetingInput;
  scheduledAt: string;
  typology: TypologyInput;
  parameters: Record<string, string | boolean | null>;
  activities: GraphActivityInput[];
};

const CENTRAL = "Set by the central team";

function Section(props: { title: string; description?: string; readOnlyReason?: string; error?: string; children: ReactNode }) {
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{props.title}</h2>
          {props.description ? <p className="text-xs text-slate-500">{props.description}</p> : null}
        </div>
        {props.readOnlyReason ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{props.readOnlyReason}</span> : null}
      </div>
      {props.children}
      {props.error ? (
        <p role="alert" className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </Card>
  );
}

function EvaluateTarget({ entity, campaignId, dirty }: { entity: string; campaignId: string; dirty: boolean }) {
  const [result, setResult] = useState<TargetEvaluation>();
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const evaluate = () =>
    start(async () => {
      setError(undefined);
      const res = await evaluateCampaignTargetAction({ entity, campaignId });
      if (res.ok) setResult(res.data);
      else setError(res.error);
    });
  const rows: [string, number][] = result
    ? [
        ["Targeted contacts", result.targeted],
        ["Unsubscribed, excluded", result.unsubscribed],
        ["Bounced, excluded", result.bounced],
        ["Control group", result.controlGroup],
      ]
    : [];
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={evaluate} disabled={pending}>
          {pending ? "Evaluating…" : "Evaluate target"}
        </Button>
        <p className="text-xs text-slate-500">
          {dirty ? "Save your changes first: the count uses the saved targeting and typology rules." : "How many of your contacts the campaign would reach, after its typology rules."}
        </p>
      </div>
      <FormError message={error} />
      {result ? (
        <dl className="grid max-w-sm grid-cols-[1fr_auto] gap-y-1 text-sm" aria-label="Target evaluation" aria-live="polite">
          {rows.map(([label, n]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-right tabular-nums">{n.toLocaleString("en")}</dd>
            </div>
          ))}
          <dt className="border-t border-slate-200 pt-1 font-medium text-slate-900">Would reach</dt>
          <dd className="border-t border-slate-200 pt-1 text-right font-semibold tabular-nums">{result.final.toLocaleString("en")}</dd>
        </dl>
      ) : null}
    </div>
  );
}

function PersonalizationSummary({ fields, values }: { fields: PersonalizationField[]; values: LocalCampaignFormValues["parameters"] }) {
  if (!fields.length) return <p className="text-sm text-slate-500">This campaign has no personalization fields.</p>;
  const shown = (v: string | boolean | null | undefined) => (typeof v === "boolean" ? (v ? "Yes" : "No") : v ? v : "—");
  return (
    <dl className="grid grid-cols-[12rem_1fr] gap-y-1.5 text-sm">
      {fields.map((f) => (
        <div key={f.name} className="contents">
          <dt className="text-slate-500">{f.label}</dt>
          <dd className="whitespace-pre-wrap text-slate-800">{shown(values[f.name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The entity's side of its own or child campaign (§3, by campaign): each part the template lets
 * it change, the others shown as the central team set them. The server checks the same rules.
 */
export function LocalCampaignForm(props: {
  entity: string;
  campaignId: string;
  initial: LocalCampaignFormValues;
  fields: PersonalizationField[];
  localEditable: LocalEditablePart[];
  workflow: { status: string; statusLabel: string } | null;
  /** What the workflow editor offers; given when the entity may edit its workflow. */
  workflowOptions?: WorkflowEditorOptions;
  /** The status label when the campaign is finished or canceled: nothing changes any more. */
  closed: string | null;
}) {
  const router = useRouter();
  const allowed = (p: LocalEditablePart) => !props.closed && props.localEditable.includes(p);
  const workflowOpen = props.workflow?.status === "being_edited";
  const workflowReason = !props.workflow ? "No workflow" : workflowOpen ? undefined : `Workflow ${props.workflow.statusLabel.toLowerCase()}`;
  const reasonFor = (p: LocalEditablePart, needsWorkflow: boolean) => {
    if (props.closed) return props.closed;
    if (!props.localEditable.includes(p)) return CENTRAL;
    return needsWorkflow ? workflowReason : undefined;
  };
  const can = {
    targeting: allowed("targeting") && workflowOpen,
    schedule: allowed("schedule") && workflowOpen,
    typology: allowed("typology"),
    personalization: allowed("personalization") && props.fields.length > 0,
    workflow: allowed("workflow") && workflowOpen && !!props.workflowOptions,
  };
  const anyEditable = Object.values(can).some(Boolean);

  // Only what the entity may change is checked here; the rest goes back as it came.
  const schema = useMemo(
    () =>
      z.object({
        targeting: can.targeting ? targetingSchema : z.any(),
        scheduledAt: can.schedule ? localCampaignSchema.shape.scheduledAt : z.any(),
        typology: can.typology ? typologySchema : z.any(),
        parameters: can.personalization ? parametersSchema(props.fields) : z.any(),
        activities: can.workflow ? workflowGraphSchema : z.any(),
      }),
    [can.targeting, can.schedule, can.typology, can.personalization, can.workflow, props.fields],
  );
  const form = useForm<LocalCampaignFormValues>({
    // Raw: the server parses the same values again with the template's own fields.
    resolver: zodResolver(schema, undefined, { raw: true }) as Resolver<LocalCampaignFormValues>,
    defaultValues: props.initial,
  });
  const { errors, isDirty } = form.formState;
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [sectionErrors, setSectionErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      setSaved(undefined);
      setSectionErrors({});
      const res = await updateLocalCampaignAction({
        entity: props.entity,
        campaignId: props.campaignId,
        targeting: values.targeting,
        scheduledAt: values.scheduledAt,
        typology: values.typology,
        personalization: values.parameters,
        // Only sent when the entity may change it: the server then checks it again.
        ...(can.workflow ? { activities: values.activities } : {}),
      });
      if (!res.ok) {
        const sections: Record<string, string> = {};
        for (const [key, message] of Object.entries(res.fieldErrors ?? {})) {
          // The server names personalization values `personalization.<field>`; the form, `parameters.<field>`.
          const name = key.startsWith("personalization.") ? `parameters.${key.slice("personalization.".length)}` : key;
          if (name === "personalization" || (name === "targeting" && !can.targeting) || (name === "typology" && !can.typology) || (name.startsWith("activities") && !can.workflow)) {
            sections[name.startsWith("activities") ? "activities" : name] = message;
          } else form.setError(name as Path<LocalCampaignFormValues>, { message });
        }
        setSectionErrors(sections);
        setFormError(res.error);
        return;
      }
      form.reset(values);
      setSaved("Your changes are saved.");
      router.refresh();
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {props.closed ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">This campaign is {props.closed.toLowerCase()}: its settings can no longer change.</p>
      ) : null}
      <FormError message={formError} />
      <FormSuccess message={saved} />

      {can.workflow || sectionErrors.activities ? (
        <Section
          title="Workflow"
          description="From the Query, each activity leads to the next. Saving creates the deliveries of new Delivery activities."
          readOnlyReason={can.workflow ? undefined : reasonFor("workflow", true)}
          error={sectionErrors.activities}
        >
          {can.workflow ? <WorkflowGraphField control={form.control} name="activities" distributions={props.workflowOptions!.distributions} providers={props.workflowOptions!.providers} /> : null}
        </Section>
      ) : null}

      <Section
        title="Targeting"
        description="The Query activity's filter over your contacts: every condition must hold."
        readOnlyReason={can.targeting ? undefined : reasonFor("targeting", true)}
        error={sectionErrors.targeting}
      >
        {can.targeting ? (
          <TargetingEditor control={form.control} register={form.register} errors={errors.targeting} name="targeting" />
        ) : (
          <TargetingSummary targeting={props.initial.targeting} />
        )}
        <EvaluateTarget entity={props.entity} campaignId={props.campaignId} dirty={isDirty} />
      </Section>

      <Section title="Schedule" description="When the workflow is to start." readOnlyReason={can.schedule ? undefined : reasonFor("schedule", true)}>
        {can.schedule ? (
          <div className="max-w-xs">
            <Field id="scheduledAt" label="Workflow start (UTC)" hint="Leave empty to start it by hand." error={errors.scheduledAt?.message}>
              <Input id="scheduledAt" type="datetime-local" aria-invalid={!!errors.scheduledAt} {...form.register("scheduledAt")} />
            </Field>
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-800">{props.initial.scheduledAt ? `${formatDateTime(`${props.initial.scheduledAt}Z`)} UTC` : "Not scheduled"}</p>
            {errors.scheduledAt?.message ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.scheduledAt.message}
              </p>
            ) : null}
          </>
        )}
      </Section>

      <Section
        title="Typology rules"
        description="Filters applied to each delivery's target."
        readOnlyReason={can.typology ? undefined : reasonFor("typology", false)}
        error={sectionErrors.typology}
      >
        {can.typology ? (
          <TypologyEditor control={form.control} register={form.register} errors={errors.typology} name="typology" />
        ) : (
          <TypologySummary typology={props.initial.typology} />
        )}
      </Section>

      <Section
        title="Personalization"
        description="Your values for the placeholders of the message."
        readOnlyReason={can.personalization || !props.fields.length ? undefined : reasonFor("personalization", false)}
        error={sectionErrors.personalization}
      >
        {can.personalization ? (
          <ParameterFields fields={props.fields} register={form.register} control={form.control} errors={errors} />
        ) : (
          <PersonalizationSummary fields={props.fields} values={props.initial.parameters} />
        )}
      </Section>

      {anyEditable ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
