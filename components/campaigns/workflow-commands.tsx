"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { commandLabels, pendingLabels } from "@/lib/workflows/labels";

type Command = keyof typeof commandLabels;

/**
 * Start, Pause and Stop (§2). A command is carried out by operationMgt, not at once: the panel
 * says it is pending until the page shows the new status.
 */
export function WorkflowCommands(props: { pending: Command | null; commands: Command[]; request: (command: Command) => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [asked, setAsked] = useState<Command>();
  const [busy, startTransition] = useTransition();
  const waiting = props.pending ?? asked ?? null;
  return (
    <div className="space-y-2">
      {waiting ? (
        <FormSuccess message={`${pendingLabels[waiting]}: the campaign jobs workflow carries it out within a minute.`} />
      ) : (
        <div className="flex flex-wrap gap-2">
          {props.commands.map((c) => (
            <Button
              key={c}
              size="sm"
              variant={c === "start" ? "primary" : c === "stop" ? "danger" : "secondary"}
              disabled={busy}
              onClick={() =>
                startTransition(async () => {
                  setError(undefined);
                  const res = await props.request(c);
                  if (!res.ok) return setError(res.error);
                  setAsked(c);
                  router.refresh();
                })
              }
            >
              {commandLabels[c]}
            </Button>
          ))}
          {props.commands.length === 0 ? <p className="text-sm text-slate-500">Nothing to run: the workflow is over.</p> : null}
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}
