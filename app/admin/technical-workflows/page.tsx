import type { Metadata } from "next";
import { getDb } from "@/db";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { pageAdmin } from "@/lib/pages";
import { nextRunAfter, technicalWorkflow } from "@/lib/technical/registry";
import { technicalOverview } from "@/lib/technical/runs";
import { formatDateTime } from "@/lib/utils";
import { WorkflowControls } from "./workflow-controls";

export const metadata: Metadata = { title: "Technical workflows" };
export const dynamic = "force-dynamic";

const outcomeTones: Record<string, Tone> = { running: "blue", succeeded: "green", failed: "red" };
const outcomeLabels: Record<string, string> = { running: "Running", succeeded: "Succeeded", failed: "Failed" };

export default async function TechnicalWorkflowsPage() {
  await pageAdmin("/admin/technical-workflows");
  const overview = await technicalOverview(getDb());
  const now = new Date();
  return (
    <>
      <PageHeader title="Technical workflows" description="The background workflows of the platform: their schedule, their last runs, and controls to run, stop or start them." />
      <div className="space-y-4">
        {overview.map((w) => {
          const last = w.history[0];
          return (
            <section key={w.id} aria-labelledby={`tw-${w.id}`}>
            <Card className="space-y-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 id={`tw-${w.id}`} className="text-base font-semibold text-slate-900">
                    {w.label} <span className="font-mono text-sm font-normal text-slate-500">{w.id}</span>
                  </h2>
                  <p className="text-sm text-slate-600">{w.description}</p>
                </div>
                <Badge tone={w.status === "started" ? "green" : "gray"}>{w.status === "started" ? "Started" : "Stopped"}</Badge>
              </div>
                <div className="grid gap-4 lg:grid-cols-[260px_minmax(0,1fr)]">
                  <div className="space-y-3 text-sm">
                    <dl className="grid grid-cols-[90px_1fr] gap-y-1">
                      <dt className="text-slate-500">Schedule</dt>
                      <dd>Every {w.every.minutes} minutes</dd>
                      <dt className="text-slate-500">Next run</dt>
                      <dd>{w.status === "started" ? formatDateTime(nextRunAfter(technicalWorkflow(w.id)!, now)) : "None: stopped"}</dd>
                      <dt className="text-slate-500">Last run</dt>
                      <dd>{last ? <Badge tone={outcomeTones[last.outcome]}>{outcomeLabels[last.outcome]}</Badge> : "Never"}</dd>
                    </dl>
                    {last?.error ? <p className="rounded-md bg-red-50 px-3 py-2 text-red-800">{last.error}</p> : null}
                    <WorkflowControls workflow={w.id} label={w.label} status={w.status} />
                  </div>
                  <div className="overflow-x-auto">
                    <table className="w-full text-left text-sm" aria-label={`Run history of ${w.id}`}>
                      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                        <tr>
                          <th className="py-2 pr-3 font-medium">Started</th>
                          <th className="py-2 pr-3 font-medium">Ended</th>
                          <th className="py-2 pr-3 font-medium">Trigger</th>
                          <th className="py-2 pr-3 font-medium">Outcome</th>
                          <th className="py-2 pr-3 text-right font-medium">Items</th>
                          <th className="py-2 font-medium">Details</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-slate-100">
                        {w.history.length === 0 ? (
                          <tr><td colSpan={6} className="py-3 text-slate-500">No run yet.</td></tr>
                        ) : (
                          w.history.map((r) => (
                            <tr key={r.id}>
                              <td className="py-2 pr-3 tabular-nums">{formatDateTime(r.startedAt)}</td>
                              <td className="py-2 pr-3 tabular-nums">{r.finishedAt ? formatDateTime(r.finishedAt) : "—"}</td>
                              <td className="py-2 pr-3">{{ manual: "Run now", schedule: "Schedule", command: "Command" }[r.trigger]}</td>
                              <td className="py-2 pr-3"><Badge tone={outcomeTones[r.outcome]}>{outcomeLabels[r.outcome]}</Badge></td>
                              <td className="py-2 pr-3 text-right tabular-nums">{r.itemsHandled}</td>
                              <td className="py-2 text-slate-600">{r.error ?? Object.entries(r.details).map(([k, v]) => `${k}: ${v}`).join(", ")}</td>
                            </tr>
                          ))
                        )}
                      </tbody>
                    </table>
                  </div>
                </div>
            </Card>
            </section>
          );
        })}
      </div>
    </>
  );
}
