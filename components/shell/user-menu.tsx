"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";

export function UserMenu({ name, email, extra }: { name: string; email: string; extra?: { href: string; label: string } }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100" aria-label="Account menu">
        <span className="flex size-8 items-center justify-center rounded-full bg-blue-100 text-xs font-semibold text-blue-800">
          {name.split(/\s+/).map((p) => p[0]).slice(0, 2).join("")}
        </span>
        <span className="hidden sm:block">
          <span className="block font-medium text-slate-800">{name}</span>
          <span className="block text-xs text-slate-500">{email}</span>
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          {extra ? (
            <DropdownMenu.Item asChild className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100">
              <a href={extra.href}>{extra.label}</a>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item
            className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 outline-none data-[highlighted]:bg-slate-100"
            onSelect={() => void signOut({ callbackUrl: "/sign-in" })}
          >
            <LogOut className="size-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
