import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { defaultTypology } from "@/db/schema";
import { pageCentral } from "@/lib/pages";
import { CampaignForm } from "../campaign-form";
import { loadCampaignFormOptions } from "../campaign-options";

export const metadata: Metadata = { title: "New campaign" };

// A new campaign starts from the simplest useful outline: target, send, end.
const starter = [
  { id: "", kind: "query", label: "Targeting" },
  { id: "", kind: "delivery", label: "Email" },
  { id: "", kind: "end", label: "End" },
] as const;

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
          activities: starter.map((a) => ({ ...a })),
          content: { subject: "", body: "" },
          targeting: [],
          typology: { ...defaultTypology },
        }}
      />
    </>
  );
}
