import "server-only";
import { getDb } from "@/db";
import { managerOptions } from "@/lib/campaigns/campaign-queries";
import { programOptions } from "@/lib/campaigns/plans";
import { templateOptions } from "@/lib/campaigns/template-queries";
import { workflowEditorOptions } from "@/lib/workflows/graph-options";

/** What the campaign form offers to choose from. */
export async function loadCampaignFormOptions() {
  const db = getDb();
  const [programs, templates, managers, workflowOptions] = await Promise.all([programOptions(db), templateOptions(db), managerOptions(db), workflowEditorOptions(db)]);
  return { programs, templates, managers, workflowOptions };
}
