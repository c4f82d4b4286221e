"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";

/** A modal built on Radix Dialog: focus trap, Escape to close, labelled by its title. */
export function Dialog(props: { trigger: ReactNode; title: string; description?: string; open?: boolean; onOpenChange?: (open: boolean) => void; children: ReactNode }) {
  return (
    <D.Root open={props.open} onOpenChange={props.onOpenChange}>
      <D.Trigger asChild>{props.trigger}</D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/30" />
        <D.Content className="fixed left-1/2 top-1/2 z-50 w-full max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-6 shadow-xl">
          <D.Title className="text-base font-semibold text-slate-900">{props.title}</D.Title>
          {props.description ? <D.Description className="mt-1 text-sm text-slate-600">{props.description}</D.Description> : <D.Description className="sr-only">{props.title}</D.Description>}
          <div className="mt-4">{props.children}</div>
          <D.Close className="absolute right-3 top-3 rounded p-1 text-slate-500 hover:bg-slate-100" aria-label="Close">
            <X className="size-4" />
          </D.Close>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
