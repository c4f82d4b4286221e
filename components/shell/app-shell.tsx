import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

/** Sidebar + content frame shared by the admin area and the portals. It renders; it does not guard. */
export function AppShell(props: {
  area: string;
  title: string;
  nav: { href: string; label: string; exact?: boolean }[];
  user: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="border-b border-slate-200 px-5 py-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-blue-700">{props.area}</p>
          <p className="truncate text-sm font-semibold text-slate-900">{props.title}</p>
        </div>
        <nav className="space-y-1 p-3" aria-label="Main">
          {props.nav.map((n) => (
            <NavLink key={n.href} {...n} />
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end border-b border-slate-200 bg-white px-6">{props.user}</header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{props.children}</main>
      </div>
    </div>
  );
}
