"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const tabs = [
  { href: "/admin/campaigns", label: "Reference campaigns" },
  { href: "/admin/campaigns/templates", label: "Campaign templates" },
  { href: "/admin/campaigns/plans", label: "Plans and programs" },
];

export function CampaignTabs() {
  const pathname = usePathname();
  const active = tabs.findLast((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))?.href;
  return (
    <nav aria-label="Campaigns" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={active === t.href ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            active === t.href ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
