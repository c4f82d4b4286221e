"use client";

import { Trash2, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { activityKindLabels } from "@/lib/campaigns/labels";
import { activityName, predecessorOf, type GraphActivityInput } from "@/lib/workflows/graph";
import { ActivitySettings, type Option } from "./activity-settings";
import { kindVisuals } from "./activity-visuals";
import { transitionTargets } from "./graph-edits";

// Errors shown under a field of their own; the others (transitions, kind, id) at the panel's top.
const FIELD_ERRORS = new Set(["label", "distributionId", "deadlineDays", "reminderHours", "waitMinutes", "channel", "providerId"]);

/** The selected activity: its label and settings, its transitions, and removing it. */
export function ActivityPanel(props: {
  idPrefix: string;
  activities: GraphActivityInput[];
  activity: GraphActivityInput;
  errors: Record<string, string>;
  distributions: Option[];
  providers: Option[];
  onChange: (patch: Partial<GraphActivityInput>) => void;
  onConnect: (to: string) => void;
  onDisconnect: (to: string) => void;
  onRemove: () => void;
  onSelect: (id: string) => void;
}) {
  const { activity: a, activities, errors } = props;
  const [target, setTarget] = useState("");
  const byId = new Map(activities.map((x) => [x.id, x]));
  const before = predecessorOf(activities, a.id);
  const targets = transitionTargets(activities, a.id);
  const Icon = kindVisuals[a.kind].icon;
  const other = Object.entries(errors).filter(([k]) => !FIELD_ERRORS.has(k));
  const id = (name: string) => `${props.idPrefix}-${name}`;

  return (
    <section aria-labelledby={id("heading")} className="space-y-4 rounded-md border border-slate-200 p-4">
      <div className="flex items-center gap-2">
        <Icon className={`size-4 ${kindVisuals[a.kind].tint}`} aria-hidden />
        <h3 id={id("heading")} className="text-sm font-semibold text-slate-900">
          {activityKindLabels[a.kind]} activity
        </h3>
      </div>
      {other.length ? (
        <ul role="alert" className="space-y-1 text-sm text-red-700">
          {other.map(([k, m]) => (
            <li key={k}>{m}</li>
          ))}
        </ul>
      ) : null}
      <Field id={id("label")} label="Activity label" error={errors.label}>
        <Input id={id("label")} value={a.label} aria-invalid={!!errors.label} onChange={(e) => props.onChange({ label: e.target.value })} />
      </Field>
      <ActivitySettings key={a.id} idPrefix={props.idPrefix} activity={a} errors={errors} distributions={props.distributions} providers={props.providers} onChange={props.onChange} />

      <div className="space-y-2 border-t border-slate-100 pt-3">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Transitions</h4>
        {a.kind !== "query" ? (
          <p className="text-sm text-slate-600">
            Follows{" "}
            {before ? (
              <button type="button" className="font-medium text-blue-700 hover:underline" onClick={() => props.onSelect(before.id)}>
                {activityName(before)}
              </button>
            ) : (
              "nothing yet"
            )}
          </p>
        ) : null}
        {a.next.length ? (
          <ul className="space-y-1" aria-label="Leads to">
            {a.next.map((n) => (
              <li key={n} className="flex items-center justify-between gap-2 text-sm">
                <span>→ {byId.has(n) ? activityName(byId.get(n)!) : "a removed activity"}</span>
                <Button type="button" variant="ghost" size="sm" aria-label={`Remove the transition to ${byId.has(n) ? activityName(byId.get(n)!) : "a removed activity"}`} onClick={() => props.onDisconnect(n)}>
                  <X className="size-4" aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{a.kind === "end" ? "Nothing follows an End." : "Leads nowhere yet."}</p>
        )}
        {targets.length ? (
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <Field id={id("target")} label="Add transition to…">
                <Select id={id("target")} value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="">Choose an activity</option>
                  {targets.map((t) => {
                    const from = predecessorOf(activities, t.id);
                    return (
                      <option key={t.id} value={t.id}>
                        {activityName(t)}
                        {from ? ` (now after ${activityName(from)})` : ""}
                      </option>
                    );
                  })}
                </Select>
              </Field>
            </div>
            <Button
              type="button"
              variant="secondary"
              disabled={!target}
              onClick={() => {
                props.onConnect(target);
                setTarget("");
              }}
            >
              Add transition
            </Button>
          </div>
        ) : null}
      </div>

      <div className="border-t border-slate-100 pt-3">
        <Button type="button" variant="secondary" size="sm" onClick={props.onRemove}>
          <Trash2 className="size-4" aria-hidden /> Remove this activity
        </Button>
      </div>
    </section>
  );
}
