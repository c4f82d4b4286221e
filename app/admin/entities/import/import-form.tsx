"use client";

import Papa from "papaparse";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, FormSuccess } from "@/components/ui/field";
import { validateImportRows, type RowError } from "@/lib/entities/import-rows";
import { csvRecordToRow, ENTITY_CSV_COLUMNS } from "@/lib/entities/schemas";
import { importEntitiesAction } from "../actions";
import { PreviewTable } from "./preview-table";

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `${ENTITY_CSV_COLUMNS.join(",")}\nNord region,region-nord,nord@example.com,+33 3 20 00 00 00,,\nLille Centre,lille-centre,lille@example.com,,"1 rue Nationale, Lille",region-nord\n`,
)}`;

export function ImportForm() {
  const router = useRouter();
  const [fileName, setFileName] = useState<string>();
  const [records, setRecords] = useState<Record<string, string>[]>([]);
  const [serverErrors, setServerErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  // The same row schema runs here for the preview and on the server for the import.
  const local = useMemo(() => validateImportRows(records), [records]);
  const errors = serverErrors.length ? serverErrors : local.errors;

  const onFile = (file: File | undefined) => {
    setMessage(undefined);
    setServerErrors([]);
    if (!file) return;
    setFileName(file.name);
    Papa.parse<Record<string, string>>(file, {
      header: true,
      skipEmptyLines: "greedy",
      transformHeader: (h) => h.trim().toLowerCase(),
      complete: (res) => {
        const missing = ENTITY_CSV_COLUMNS.filter((c) => c !== "parent" && !res.meta.fields?.includes(c));
        if (missing.length) {
          setRecords([]);
          setMessage({ ok: false, text: `The header line lacks: ${missing.join(", ")}.` });
          return;
        }
        setRecords(res.data.map(csvRecordToRow));
      },
      error: (err) => setMessage({ ok: false, text: `The file could not be read: ${err.message}` }),
    });
  };

  const onImport = () =>
    startTransition(async () => {
      const res = await importEntitiesAction({ rows: records });
      if (!res.ok) {
        setMessage({ ok: false, text: res.fieldErrors?.rows ?? res.error });
        return;
      }
      if (res.data.errors.length) {
        setServerErrors(res.data.errors);
        setMessage({ ok: false, text: `${res.data.errors.length} problem(s) found; nothing was imported.` });
        return;
      }
      setMessage({ ok: true, text: `${res.data.created} entities imported.` });
      setRecords([]);
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-center gap-4">
        <label className="text-sm font-medium text-slate-700">
          CSV file
          <input
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block text-sm text-slate-600 file:mr-3 file:h-9 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
            onChange={(e) => onFile(e.target.files?.[0])}
          />
        </label>
        <a href={TEMPLATE_HREF} download="entities-template.csv" className="text-sm font-medium text-blue-700 hover:underline">
          Download a template
        </a>
        {fileName && records.length ? (
          <p className="text-sm text-slate-600">
            {fileName}: {records.length} row(s), {errors.length ? <span className="font-medium text-red-700">{errors.length} problem(s)</span> : "no problem found"}
          </p>
        ) : null}
      </Card>
      {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
      {records.length ? (
        <>
          <PreviewTable records={records} errors={errors} />
          <div className="flex justify-end">
            <Button onClick={onImport} disabled={pending || errors.length > 0}>
              {pending ? "Importing…" : `Import ${records.length} entities`}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
