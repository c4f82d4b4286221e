"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess } from "@/components/ui/field";
import { runTechnicalWorkflowNowAction, setTechnicalWorkflowStatusAction } from "./actions";

/** Run now, and Start or Stop the schedule, for one technical workflow. */
export function WorkflowControls(props: { workflow: string; label: string; status: "started" | "stopped" }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, startTransition] = useTransition();
  const act = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      setError(undefined);
      setNotice(undefined);
      const res = await fn();
      if (!res.ok) return setError(res.error);
      setNotice(done);
      router.refresh();
    });
  const next = props.status === "started" ? "stopped" : "started";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={pending} aria-label={`Run ${props.label} now`} onClick={() => act(() => runTechnicalWorkflowNowAction({ workflow: props.workflow }), "Queued: the run appears below when the worker has done it.")}>
          Run now
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => act(() => setTechnicalWorkflowStatusAction({ workflow: props.workflow, status: next }), next === "started" ? "Started: it runs on its schedule again." : "Stopped: scheduled runs are skipped.")}>
          {props.status === "started" ? "Stop" : "Start"}
        </Button>
      </div>
      <FormError message={error} />
      <FormSuccess message={notice} />
    </div>
  );
}
