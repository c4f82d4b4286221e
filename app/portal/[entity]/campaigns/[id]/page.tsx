import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { WorkflowCommands } from "@/components/campaigns/workflow-commands";
import { WorkflowGraph } from "@/components/workflows/workflow-graph";
import { commandsFor } from "@/lib/workflows/commands";
import { requestWorkflowCommandAction } from "./actions";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { campaignStatusLabels, campaignStatusTones, workflowStatusLabels } from "@/lib/campaigns/labels";
import { formatDay } from "@/lib/utils";
import { getEntityCampaign } from "@/lib/campaigns/local-campaigns";
import { initialParameters } from "@/lib/orders/parameters";
import { pageEntity } from "@/lib/pages";
import { workflowEditorOptions } from "@/lib/workflows/graph-options";
import { graphForForm } from "@/lib/workflows/save-graph";
import { LocalCampaignForm, type LocalCampaignFormValues } from "./local-campaign-form";
import { DeliveriesCard } from "@/components/deliveries/deliveries-card";
import { listCampaignDeliveries } from "@/lib/deliveries/queries";

export const metadata: Metadata = { title: "Campaign" };

export default async function EntityCampaignPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity: slug, id } = await params;
  const { entity } = await pageEntity(`/portal/${slug}/campaigns/${id}`, slug);
  if (!z.uuid().safeParse(id).success) notFound();
  const found = await getEntityCampaign(getDb(), entity.id, id);
  if (!found) notFound();
  const { campaign, workflow, parentLabel, fields, localEditable } = found;
  const closed = campaign.status === "finished" || campaign.status === "canceled";
  // The editor's lists are read only when the template lets the entity change its workflow now.
  const workflowEditable = !closed && localEditable.includes("workflow") && workflow?.status === "being_edited";
  const [activities, workflowOptions] = await Promise.all([
    workflow ? graphForForm(getDb(), { campaignId: campaign.id, workflowId: workflow.id }, workflow.activities) : [],
    workflowEditable ? workflowEditorOptions(getDb()) : undefined,
  ]);

  const initial: LocalCampaignFormValues = {
    targeting: (workflow?.targeting ?? []).map((c) => ({ field: c.field, operator: c.operator, value: c.value })),
    scheduledAt: workflow?.scheduledAt ? workflow.scheduledAt.toISOString().slice(0, 16) : "",
    typology: {
      pressure: campaign.typology.pressure ? { maxMessages: campaign.typology.pressure.maxMessages, days: campaign.typology.pressure.days } : null,
      excludeUnsubscribed: campaign.typology.excludeUnsubscribed,
      excludeBounced: campaign.typology.excludeBounced,
      controlGroupPercent: campaign.typology.controlGroupPercent,
    },
    parameters: initialParameters(fields, campaign.personalization) as LocalCampaignFormValues["parameters"],
    activities,
  };

  return (
    <>
      <PageHeader
        title={campaign.label}
        description={parentLabel ? `Child of ${parentLabel}` : "Local campaign of your entity"}
        actions={<Badge tone={campaignStatusTones[campaign.status]}>{campaignStatusLabels[campaign.status]}</Badge>}
      />
      <div className="space-y-6">
        <Card className="grid gap-4 md:grid-cols-[1fr_2fr]">
          <dl className="grid grid-cols-[7rem_1fr] content-start gap-y-2 text-sm">
            <dt className="text-slate-500">Status</dt>
            <dd>{campaignStatusLabels[campaign.status]}</dd>
            <dt className="text-slate-500">Start</dt>
            <dd>{formatDay(campaign.startDate)}</dd>
            <dt className="text-slate-500">End</dt>
            <dd>{formatDay(campaign.endDate)}</dd>
            {parentLabel ? (
              <>
                <dt className="text-slate-500">Parent</dt>
                <dd>{parentLabel}</dd>
              </>
            ) : null}
          </dl>
          <div className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">
              Workflow {workflow ? <span className="font-normal text-slate-500">· {workflowStatusLabels[workflow.status]}</span> : null}
            </h2>
            {workflow ? (
              <>
                <WorkflowGraph activities={workflow.activities} populations={workflow.populations} runState={workflow.runState} />
                <WorkflowCommands
                  pending={workflow.pendingCommand}
                  commands={commandsFor(workflow.status, workflow.pendingCommand)}
                  request={requestWorkflowCommandAction.bind(null, entity.internalName, campaign.id)}
                />
              </>
            ) : (
              <p className="text-sm text-slate-500">This campaign has no workflow.</p>
            )}
          </div>
        </Card>
        <Card className="space-y-3">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">Message</h2>
            <p className="text-xs text-slate-500">Set by the central team. Placeholders such as {"{{firstName}}"} take each contact&apos;s values and your personalization values.</p>
          </div>
          {campaign.content.subject || campaign.content.body ? (
            <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-4">
              <p className="text-sm">
                <span className="text-slate-500">Subject: </span>
                <span className="font-medium text-slate-900">{campaign.content.subject || "—"}</span>
              </p>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{campaign.content.body}</p>
            </div>
          ) : (
            <p className="text-sm text-slate-500">The central team has not written the message yet.</p>
          )}
        </Card>
        <DeliveriesCard rows={await listCampaignDeliveries(getDb(), campaign.id)} href={(d) => `/portal/${entity.internalName}/campaigns/${campaign.id}/deliveries/${d.id}`} />
        <LocalCampaignForm
          entity={entity.internalName}
          campaignId={campaign.id}
          initial={initial}
          fields={fields}
          localEditable={localEditable}
          workflow={workflow ? { status: workflow.status, statusLabel: workflowStatusLabels[workflow.status] } : null}
          workflowOptions={workflowOptions}
          closed={closed ? campaignStatusLabels[campaign.status] : null}
        />
        <p className="text-sm">
          <Link href={`/portal/${entity.internalName}/campaigns`} className="font-medium text-blue-700 hover:underline">
            Back to my campaigns
          </Link>
        </p>
      </div>
    </>
  );
}
