"use client";

import { Paperclip, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { addPackageDocumentAction, removePackageDocumentAction } from "../actions";

type Doc = { id: string; fileName: string; size: number };

export function PackageDocuments({ packageId, documents, editable }: { packageId: string; documents: Doc[]; editable: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const upload = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set("packageId", packageId);
    form.set("file", file);
    startTransition(async () => {
      setError(undefined);
      const res = await addPackageDocumentAction(form);
      if (!res.ok) setError(res.fieldErrors?.file ?? res.error);
      else router.refresh();
      if (input.current) input.current.value = "";
    });
  };
  return (
    <div className="space-y-2">
      {documents.length === 0 ? <p className="text-sm text-slate-500">No document attached.</p> : null}
      <ul className="space-y-1">
        {documents.map((d) => (
          <li key={d.id} className="flex items-center justify-between gap-2 text-sm">
            <a className="flex min-w-0 items-center gap-1.5 text-blue-700 hover:underline" href={`/admin/packages/${packageId}/documents/${d.id}`}>
              <Paperclip className="size-3.5 shrink-0" aria-hidden />
              <span className="truncate">{d.fileName}</span>
              <span className="shrink-0 text-xs text-slate-500">{Math.max(1, Math.round(d.size / 1024))} KB</span>
            </a>
            {editable ? (
              <button
                type="button"
                aria-label={`Remove ${d.fileName}`}
                className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-red-700"
                onClick={() => startTransition(async () => {
                  const res = await removePackageDocumentAction({ packageId, documentId: d.id });
                  if (!res.ok) setError(res.error);
                  else router.refresh();
                })}
              >
                <Trash2 className="size-4" />
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <>
          <input ref={input} id="document-file" type="file" className="sr-only" aria-label="Attach a document" onChange={(e) => upload(e.target.files?.[0])} />
          <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => input.current?.click()}>
            {pending ? "Uploading…" : "Attach a document"}
          </Button>
        </>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
