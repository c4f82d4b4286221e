"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { activityKindLabels, options } from "@/lib/campaigns/labels";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { WorkflowChain } from "./workflow-chain";

/** The workflow outline as an ordered list: each activity leads to the next one. */
export function WorkflowEditor({ form, status, locked }: { form: UseFormReturn<CampaignInput>; status?: string; locked: boolean }) {
  // Activities carry their own `id`; the list's React keys live under another name.
  const { fields, append, insert, remove, move } = useFieldArray({ control: form.control, name: "activities", keyName: "key" });
  const values = useWatch({ control: form.control, name: "activities" }) ?? [];
  const errors = form.formState.errors.activities;
  const listError = errors?.root?.message ?? errors?.message;

  const add = () => {
    // A new step goes before a closing End, which must stay last.
    const endsWithEnd = values.at(-1)?.kind === "end";
    const activity = { id: "", kind: values.length ? "delivery" : "query", label: "" } as const;
    if (endsWithEnd) insert(values.length - 1, activity);
    else append(activity);
  };

  return (
    <Card className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">
            Workflow {status ? <span className="font-normal text-slate-500">· {status}</span> : null}
          </h2>
          <p className="text-xs text-slate-500">
            {locked ? "The workflow is no longer being edited: its activities cannot change." : "Activities run in this order, from targeting to the end."}
          </p>
        </div>
        {locked ? null : (
          <Button type="button" variant="secondary" size="sm" onClick={add}>
            <Plus className="size-4" aria-hidden /> Add activity
          </Button>
        )}
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <ol className="space-y-2">
        {locked ? null : fields.map((f, i) => {
          const e = errors?.[i];
          return (
            <li key={f.key} className="space-y-1">
              <div className="flex items-center gap-2">
                <span className="w-6 text-right text-sm tabular-nums text-slate-500">{i + 1}.</span>
                <Select className="w-44" aria-label={`Kind of activity ${i + 1}`} aria-invalid={!!e?.kind} {...form.register(`activities.${i}.kind`)}>
                  {options(activityKindLabels).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
                <Input aria-label={`Label of activity ${i + 1}`} aria-invalid={!!e?.label} {...form.register(`activities.${i}.label`)} />
                <Button type="button" variant="ghost" size="sm" aria-label={`Move activity ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="sm" aria-label={`Move activity ${i + 1} down`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="sm" aria-label={`Remove activity ${i + 1}`} onClick={() => remove(i)}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
              {e?.kind?.message || e?.label?.message ? (
                <p role="alert" className="pl-8 text-sm text-red-700">
                  {e?.kind?.message ?? e?.label?.message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="border-t border-slate-100 pt-4">
        <WorkflowChain activities={values} />
      </div>
    </Card>
  );
}
