import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { defaultTypology } from "@/db/schema";
import { pageCentral } from "@/lib/pages";
import type { GraphActivityInput } from "@/lib/workflows/graph";
import { CampaignForm } from "../campaign-form";
import { loadCampaignFormOptions } from "../campaign-options";

export const metadata: Metadata = { title: "New campaign" };

// A new campaign starts from the simplest useful workflow: target, send, end.
function starter(): GraphActivityInput[] {
  const [query, delivery, end] = [randomUUID(), randomUUID(), randomUUID()];
  return [
    { id: query, kind: "query", label: "Targeting", next: [delivery] },
    { id: delivery, kind: "delivery", label: "Email", next: [end], channel: "email", providerId: "" },
    { id: end, kind: "end", label: "End", next: [] },
  ];
}

export default async function NewCampaignPage() {
  const actor = await pageCentral("/admin/campaigns/new");
  const opts = await loadCampaignFormOptions();
  return (
    <>
      <PageHeader title="New reference campaign" />
      <CampaignForm
        {...opts}
        initial={{
          label: "",
          internalName: "",
          programId: "",
          templateId: "",
          managerId: actor.userId,
          startDate: "",
          endDate: "",
          type: "unique",
          activities: starter(),
          content: { subject: "", body: "" },
          targeting: [],
          typology: { ...defaultTypology },
        }}
      />
    </>
  );
}
