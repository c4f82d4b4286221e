import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { UserMenu } from "@/components/shell/user-menu";
import { pageCentral } from "@/lib/pages";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await pageCentral("/admin");
  const nav = [
    { href: "/admin", label: "Home", exact: true },
    { href: "/admin/packages", label: "Campaign packages" },
    { href: "/admin/orders", label: "Campaign orders" },
    { href: "/admin/campaigns", label: "Campaigns" },
    { href: "/admin/entities", label: "Local entities" },
    { href: "/admin/data-distributions", label: "Data distributions" },
    { href: "/admin/providers", label: "Service providers" },
    { href: "/admin/budgets", label: "Budgets" },
    { href: "/admin/stock", label: "Stock" },
    ...(actor.isAdmin ? [{ href: "/admin/operators", label: "Operators" }] : []),
    { href: "/admin/outbox", label: "Outbox" },
    ...(actor.isAdmin ? [{ href: "/admin/technical-workflows", label: "Technical workflows" }] : []),
  ];
  return (
    <AppShell area="Central area" title="Central Marketing" nav={nav} user={<UserMenu name={actor.name} email={actor.email} />}>
      {children}
    </AppShell>
  );
}
