import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { WorkflowCommands } from "@/components/campaigns/workflow-commands";
import { WorkflowGraph } from "@/components/workflows/workflow-graph";
import { Card, PageHeader } from "@/components/ui/card";
import { commandsFor } from "@/lib/workflows/commands";
import { requestReferenceWorkflowCommandAction } from "../actions";
import { getCampaignForEdit } from "@/lib/campaigns/campaign-queries";
import { getOccurrenceModel, listOccurrences } from "@/lib/campaigns/occurrence-queries";
import { campaignStatusLabels, campaignStatusTones, workflowStatusLabels } from "@/lib/campaigns/labels";
import { pageCentral } from "@/lib/pages";
import { CampaignForm } from "../campaign-form";
import { loadCampaignFormOptions } from "../campaign-options";
import { OccurrencesCard } from "../occurrences-card";
import { DeliveriesCard } from "@/components/deliveries/deliveries-card";
import { listCampaignDeliveries } from "@/lib/deliveries/queries";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/campaigns/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [found, opts] = await Promise.all([getCampaignForEdit(getDb(), id), loadCampaignFormOptions()]);
  if (!found) notFound();
  const { campaign, workflow } = found;
  const [occurrences, model] = await Promise.all([campaign.type === "unique" ? null : listOccurrences(getDb(), campaign.id), getOccurrenceModel(getDb(), campaign.occurrenceOf)]);
  return (
    <>
      <PageHeader
        title={campaign.label}
        description={`Reference campaign · ${campaign.internalName}`}
        actions={
          <>
            <span className="self-center">
              <Badge tone={campaignStatusTones[campaign.status]}>{campaignStatusLabels[campaign.status]}</Badge>
            </span>
            <Button asChild variant="secondary" size="sm">
              <Link href={`/admin/campaigns/${campaign.id}/budget`}>Budget</Link>
            </Button>
          </>
        }
      />
      {model ? (
        <p className="-mt-4 mb-6 text-sm text-slate-600">
          Occurrence of{" "}
          <Link href={`/admin/campaigns/${model.id}`} className="font-medium text-blue-700 hover:underline">
            {model.label}
          </Link>
        </p>
      ) : null}
      {occurrences && campaign.type !== "unique" ? <OccurrencesCard type={campaign.type} occurrences={occurrences} /> : null}
      {workflow ? (
        <Card className="mb-6 space-y-3">
          <h2 className="text-sm font-semibold text-slate-900">
            Run the workflow <span className="font-normal text-slate-500">· {workflowStatusLabels[workflow.status]}</span>
          </h2>
          <WorkflowGraph id="run-graph" activities={workflow.activities} populations={workflow.populations} runState={workflow.runState} />
          <WorkflowCommands
            pending={workflow.pendingCommand}
            commands={commandsFor(workflow.status, workflow.pendingCommand)}
            request={requestReferenceWorkflowCommandAction.bind(null, campaign.id)}
          />
        </Card>
      ) : null}
      <div className="mb-6">
        <DeliveriesCard rows={await listCampaignDeliveries(getDb(), campaign.id)} href={(d) => `/admin/campaigns/${campaign.id}/deliveries/${d.id}`} />
      </div>
      <CampaignForm
        id={id}
        initial={found.values}
        {...opts}
        workflowStatus={workflow ? workflowStatusLabels[workflow.status] : undefined}
        workflowLocked={!!workflow && workflow.status !== "being_edited"}
      />
    </>
  );
}
