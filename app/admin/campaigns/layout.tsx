import type { ReactNode } from "react";
import { CampaignTabs } from "./campaign-tabs";

// The three parts of the campaign hierarchy share one tab bar; each page guards itself.
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CampaignTabs />
      {children}
    </>
  );
}
