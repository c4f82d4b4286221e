import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { WorkflowCommands } from "@/components/campaigns/workflow-commands";
import { Card, PageHeader } from "@/components/ui/card";
import { commandsFor } from "@/lib/workflows/commands";
import { requestReferenceWorkflowCommandAction } from "../actions";
import { WorkflowChain } from "../workflow-chain";
import { getCampaignForEdit } from "@/lib/campaigns/campaign-queries";
import { campaignStatusLabels, campaignStatusTones, workflowStatusLabels } from "@/lib/campaigns/labels";
import { pageCentral } from "@/lib/pages";
import { CampaignForm } from "../campaign-form";
import { loadCampaignFormOptions } from "../campaign-options";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/campaigns/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [found, opts] = await Promise.all([getCampaignForEdit(getDb(), id), loadCampaignFormOptions()]);
  if (!found) notFound();
  const { campaign, workflow } = found;
  return (
    <>
      <PageHeader title={campaign.label} description={`Reference campaign · ${campaign.internalName}`} actions={<Badge tone={campaignStatusTones[campaign.status]}>{campaignStatusLabels[campaign.status]}</Badge>} />
      {workflow ? (
        <Card className="mb-6 space-y-3">
          <h2 className="text-sm font-semibold text-slate-900">
            Run the workflow <span className="font-normal text-slate-500">· {workflowStatusLabels[workflow.status]}</span>
          </h2>
          <WorkflowChain activities={workflow.activities} populations={workflow.populations} label="Populations by activity" />
          <WorkflowCommands
            pending={workflow.pendingCommand}
            commands={commandsFor(workflow.status, workflow.pendingCommand)}
            request={requestReferenceWorkflowCommandAction.bind(null, campaign.id)}
          />
        </Card>
      ) : null}
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
