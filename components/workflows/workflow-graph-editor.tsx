"use client";

import { LayoutGrid, Plus } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActivityKind } from "@/db/schema/campaigns";
import { activityKindLabels } from "@/lib/campaigns/labels";
import { activityName, graphActivityKinds, type GraphActivityInput } from "@/lib/workflows/graph";
import { ActivityPanel } from "./activity-panel";
import type { Option } from "./activity-settings";
import { kindVisuals } from "./activity-visuals";
import { EditorCanvas } from "./editor-canvas";
import { addActivity, clearPositions, connect, disconnect, moveActivity, newActivity, removeActivity, updateActivity } from "./graph-edits";
import type { GraphErrors } from "./graph-errors";
import { COL_GAP, NODE_W } from "./graph-layout";

export type WorkflowGraphEditorProps = {
  value: GraphActivityInput[];
  onChange: (activities: GraphActivityInput[]) => void;
  errors?: GraphErrors;
  /** Data distributions for Split and Local approval, providers for direct mail deliveries. */
  distributions: Option[];
  providers: Option[];
};

/**
 * The workflow graph editor (§2): a palette to add activities, the drawing to select and move
 * them, and a side panel for the selected one (label, settings, transitions). Everything the
 * pointer does has a keyboard way: nodes are buttons that arrow keys move, transitions are added
 * from a list. Problems found by the schema or the server show beside the drawing and in the panel.
 */
export function WorkflowGraphEditor({ value, onChange, errors = { general: [], byId: {} }, distributions, providers }: WorkflowGraphEditorProps) {
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const selected = value.find((a) => a.id === selectedId);
  const invalidIds = new Set(Object.keys(errors.byId));
  const problems = value.filter((a) => invalidIds.has(a.id));

  const add = (kind: ActivityKind) => {
    const activity = newActivity(value, kind);
    const from = selected ?? value.at(-1);
    // A drawing with saved positions places the newcomer beside the activity it follows.
    const positioned = value.some((a) => a.x !== undefined);
    const at = positioned && from?.x !== undefined && from.y !== undefined ? { x: from.x + NODE_W + COL_GAP, y: from.y } : undefined;
    const next = addActivity(value, activity, selected?.id, at);
    onChange(next);
    setSelectedId(activity.id);
    const follows = next.find((a) => a.next.includes(activity.id));
    setStatus(`${activityName(activity)} added${follows ? ` after ${activityName(follows)}` : ": connect it with Add transition to…"}.`);
  };
  const remove = (id: string) => {
    const gone = value.find((a) => a.id === id)!;
    onChange(removeActivity(value, id));
    setSelectedId(undefined);
    setStatus(`${activityName(gone)} removed.`);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Add an activity">
        {graphActivityKinds.map((kind) => {
          const Icon = kindVisuals[kind].icon;
          return (
            <Button key={kind} type="button" variant="secondary" size="sm" disabled={kind === "query" && value.some((a) => a.kind === "query")} onClick={() => add(kind)}>
              <Plus className="size-3.5 text-slate-400" aria-hidden />
              <Icon className={`size-4 ${kindVisuals[kind].tint}`} aria-hidden />
              Add {activityKindLabels[kind]}
            </Button>
          );
        })}
        <Button type="button" variant="ghost" size="sm" className="ml-auto" disabled={!value.some((a) => a.x !== undefined)} onClick={() => onChange(clearPositions(value))}>
          <LayoutGrid className="size-4" aria-hidden /> Arrange automatically
        </Button>
      </div>
      <p className="text-xs text-slate-500">Select an activity to edit it. Drag an activity to move it, or focus it and use the arrow keys (Shift for larger steps).</p>
      <p role="status" className="sr-only">
        {status}
      </p>
      {errors.general.length || problems.length ? (
        <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.general.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {problems.length ? (
            <ul className="space-y-0.5">
              {problems.map((a) => (
                <li key={a.id}>
                  <button type="button" className="text-left underline decoration-red-300 hover:decoration-red-700" onClick={() => setSelectedId(a.id)}>
                    {Object.values(errors.byId[a.id]!)[0]}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <EditorCanvas
          id={`${idPrefix}-canvas`}
          activities={value}
          selectedId={selectedId}
          invalidIds={invalidIds}
          onSelect={setSelectedId}
          onMove={(id, to, shown) => onChange(moveActivity(value, id, to, shown))}
        />
        {selected ? (
          <ActivityPanel
            key={selected.id}
            idPrefix={`${idPrefix}-panel`}
            activities={value}
            activity={selected}
            errors={errors.byId[selected.id] ?? {}}
            distributions={distributions}
            providers={providers}
            onChange={(patch) => onChange(updateActivity(value, selected.id, patch))}
            onConnect={(to) => onChange(connect(value, selected.id, to))}
            onDisconnect={(to) => onChange(disconnect(value, selected.id, to))}
            onRemove={() => remove(selected.id)}
            onSelect={setSelectedId}
          />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-500">
            {value.length ? "Select an activity in the drawing to edit its label, settings and transitions." : "Add a Query first: every workflow starts with its targeting."}
          </p>
        )}
      </div>
    </div>
  );
}
