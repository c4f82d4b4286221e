"use client";

import { SlidersHorizontal } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { packageFilterParams, packageKindLabels, packagePositionParams } from "@/lib/packages/queries-params";

type Option = { value: string; label: string };

/** The "Filter list" disclosure: its values live in the URL, applied together on submit. */
export function PackagesFilters({ references }: { references: Option[] }) {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const active = packageFilterParams.filter((p) => sp.get(p)).length;

  const apply = (values: Partial<Record<(typeof packageFilterParams)[number], string>>) => {
    const next = new URLSearchParams(sp.toString());
    for (const p of packageFilterParams) {
      const v = values[p]?.trim();
      if (v) next.set(p, v);
      else next.delete(p);
    }
    for (const p of packagePositionParams) next.delete(p);
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    apply(Object.fromEntries(packageFilterParams.map((p) => [p, String(data.get(p) ?? "")])));
  };

  return (
    <div>
      <Button type="button" variant="secondary" size="sm" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        <SlidersHorizontal className="size-4" aria-hidden />
        Filter list
        {active ? <span className="rounded-full bg-blue-100 px-1.5 text-xs text-blue-800">{active}</span> : null}
      </Button>
      {open ? (
        // Keyed on the URL so that the fields follow back/forward navigation and quick links.
        <form
          key={sp.toString()}
          id={`${id}-panel`}
          aria-label="Filter list"
          onSubmit={onSubmit}
          className="mt-2 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
        >
          <Field id={`${id}-type`} label="Type">
            <Select id={`${id}-type`} name="type" defaultValue={sp.get("type") ?? ""}>
              <option value="">All types</option>
              {Object.entries(packageKindLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-folder`} label="Folder">
            <Input id={`${id}-folder`} name="folder" maxLength={100} defaultValue={sp.get("folder") ?? ""} />
          </Field>
          <Field id={`${id}-reference`} label="Reference campaign">
            <Select id={`${id}-reference`} name="reference" defaultValue={sp.get("reference") ?? ""}>
              <option value="">All campaigns</option>
              {references.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-from`} label="Start from">
            <Input id={`${id}-from`} name="startFrom" type="date" defaultValue={sp.get("startFrom") ?? ""} />
          </Field>
          <Field id={`${id}-to`} label="Start to">
            <Input id={`${id}-to`} name="startTo" type="date" defaultValue={sp.get("startTo") ?? ""} />
          </Field>
          <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
            <Button type="submit" size="sm" disabled={pending}>
              Apply
            </Button>
            <Button type="button" variant="ghost" size="sm" disabled={pending || active === 0} onClick={() => apply({})}>
              Clear filters
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
