import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { UserMenu } from "@/components/shell/user-menu";
import { pageEntity } from "@/lib/pages";

export default async function PortalLayout({ children, params }: { children: ReactNode; params: Promise<{ entity: string }> }) {
  const { entity: slug } = await params;
  const { actor, entity } = await pageEntity(`/portal/${slug}`, slug);
  const base = `/portal/${entity.internalName}`;
  return (
    <AppShell
      area="Local portal"
      title={entity.label}
      nav={[
        { href: base, label: "Home", exact: true },
        { href: `${base}/catalog`, label: "Catalog" },
        { href: `${base}/orders`, label: "My orders" },
        { href: `${base}/campaigns`, label: "My campaigns" },
        { href: `${base}/approvals`, label: "Target approvals" },
        { href: `${base}/contacts`, label: "Contacts" },
      ]}
      user={
        <UserMenu
          name={actor.name}
          email={actor.email}
          extra={actor.memberships.length > 1 ? { href: "/portal", label: "Switch entity" } : undefined}
        />
      }
    >
      {children}
    </AppShell>
  );
}
