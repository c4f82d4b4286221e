"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError, FormSuccess } from "@/components/ui/field";
import { CSV_BOM, csvLine } from "@/lib/contacts/csv";
import { fieldName, importBatches, readContactsCsv, type ImportProblem, type ParsedContactsFile } from "@/lib/contacts/import-rows";
import { IMPORT_BATCH_SIZE } from "@/lib/contacts/schemas";
import { cn } from "@/lib/utils";
import { importContactsAction } from "../actions";

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(
  "email,firstName,lastName,status,city,store\r\nmarie.dupont@example.com,Marie,Dupont,,Paris,paris-1\r\njean.martin@example.com,Jean,Martin,unsubscribed,Paris,paris-2\r\n",
)}`;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const SHOWN_PROBLEMS = 200;
const fmt = (n: number) => n.toLocaleString("en");

type Phase = "idle" | "reading" | "ready" | "importing" | "done";
type Outcome = { sent: number; created: number; updated: number; error?: string };

export function ImportContactsForm({ entity }: { entity: string }) {
  const [phase, setPhase] = useState<Phase>("idle");
  const [fileName, setFileName] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [readProgress, setReadProgress] = useState(0);
  const [parsed, setParsed] = useState<ParsedContactsFile>();
  const [serverProblems, setServerProblems] = useState<ImportProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();
  // A newer file, or Stop, makes the running read or import give up at its next step.
  const generation = useRef(0);
  const stopRequested = useRef(false);

  const onFile = async (file: File | undefined) => {
    const run = ++generation.current;
    setParsed(undefined);
    setServerProblems([]);
    setOutcome(undefined);
    setFileError(undefined);
    if (!file) {
      setPhase("idle");
      return;
    }
    setFileName(file.name);
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`This file is ${fmt(Math.round(file.size / 1024 / 1024))} MB; import at most 50 MB at a time (split it into several files).`);
      setPhase("idle");
      return;
    }
    setPhase("reading");
    setReadProgress(0);
    try {
      const text = await file.text();
      const result = await readContactsCsv(text, { onProgress: setReadProgress, isCancelled: () => generation.current !== run });
      if (generation.current !== run) return;
      if (result.fileError) {
        setFileError(result.fileError);
        setPhase("idle");
        return;
      }
      setParsed(result);
      setPhase("ready");
    } catch (err) {
      if (generation.current !== run) return;
      setFileError(`The file could not be read: ${err instanceof Error ? err.message : String(err)}`);
      setPhase("idle");
    }
  };

  const onImport = async () => {
    if (!parsed) return;
    const run = generation.current;
    stopRequested.current = false;
    setPhase("importing");
    const result: Outcome = { sent: 0, created: 0, updated: 0 };
    setOutcome({ ...result });
    for (const batch of importBatches(parsed.valid, parsed.validLines, IMPORT_BATCH_SIZE)) {
      if (stopRequested.current || generation.current !== run) {
        result.error = `Stopped: ${fmt(parsed.valid.length - result.sent)} valid contact(s) were not sent.`;
        break;
      }
      let res: Awaited<ReturnType<typeof importContactsAction>>;
      try {
        res = await importContactsAction({ entity, rows: batch.rows });
      } catch {
        res = { ok: false, code: "internal", error: "The server could not be reached." };
      }
      if (!res.ok) {
        const first = batch.lines[0]!;
        const problems = Object.entries(res.fieldErrors ?? {}).flatMap(([path, message]) => {
          const m = /^rows\.(\d+)\.?(.*)$/.exec(path);
          return m ? [{ line: batch.lines[Number(m[1])] ?? first, field: fieldName(m[2] ?? ""), message }] : [];
        });
        setServerProblems(problems);
        result.error = `${res.error} The contacts from line ${fmt(first)} on were not imported; those before it were.`;
        break;
      }
      result.sent += batch.rows.length;
      result.created += res.data.created;
      result.updated += res.data.updated;
      setOutcome({ ...result });
    }
    setOutcome({ ...result });
    setPhase("done");
  };

  const problems = [...serverProblems, ...(parsed?.problems ?? [])];

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-center gap-4">
        <label className="text-sm font-medium text-slate-700">
          CSV file
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={phase === "importing"}
            className="mt-1 block text-sm text-slate-600 file:mr-3 file:h-9 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <a href={TEMPLATE_HREF} download="contacts-template.csv" className="text-sm font-medium text-blue-700 hover:underline">
          Download a template
        </a>
      </Card>

      <FormError message={fileError} />

      {phase === "reading" ? <ProgressBar label="Reading the file" value={Math.round(readProgress * 100)} max={100} text={`Reading ${fileName}… ${Math.round(readProgress * 100)} %`} /> : null}

      {parsed ? (
        <>
          <p className="text-sm text-slate-700" role="status">
            {fileName}: {fmt(parsed.total)} contact line(s), <span className="font-medium text-emerald-800">{fmt(parsed.valid.length)} valid</span>,{" "}
            <span className={cn(parsed.invalidCount && "font-medium text-red-700")}>{fmt(parsed.invalidCount)} with problems</span>.
            {parsed.invalidCount ? " Lines with problems are skipped; fix them and import the file again to add them." : null}
          </p>
          {problems.length ? <ProblemList problems={problems} /> : null}
          <PreviewTable parsed={parsed} />
        </>
      ) : null}

      {phase === "importing" || phase === "done" ? (
        <ProgressBar
          label="Import progress"
          value={outcome?.sent ?? 0}
          max={parsed?.valid.length ?? 0}
          text={`${fmt(outcome?.sent ?? 0)} of ${fmt(parsed?.valid.length ?? 0)} contacts imported`}
        />
      ) : null}

      {phase === "done" && outcome ? (
        <div className="space-y-2">
          {outcome.sent ? (
            <FormSuccess
              message={`Import finished: ${fmt(outcome.created)} created, ${fmt(outcome.updated)} updated${parsed?.invalidCount ? `, ${fmt(parsed.invalidCount)} line(s) with problems skipped` : ""}.`}
            />
          ) : null}
          <FormError message={outcome.error} />
          <Link href={`/portal/${entity}/contacts`} className="inline-block text-sm font-medium text-blue-700 hover:underline">
            See the contacts
          </Link>
        </div>
      ) : null}

      {parsed && (phase === "ready" || phase === "importing") ? (
        <div className="flex justify-end gap-2">
          {phase === "importing" ? (
            <Button variant="secondary" onClick={() => {
                stopRequested.current = true;
              }}>
              Stop
            </Button>
          ) : null}
          <Button onClick={() => void onImport()} disabled={phase === "importing" || parsed.valid.length === 0}>
            {phase === "importing" ? "Importing…" : `Import ${fmt(parsed.valid.length)} contact${parsed.valid.length === 1 ? "" : "s"}`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function ProgressBar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-blue-700 transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-xs text-slate-600">{text}</p>
    </div>
  );
}

/** Every line with a problem, by line number; a long list is shown in part and downloadable whole. */
function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const download = () => {
    const text = CSV_BOM + csvLine(["line", "column", "problem"]) + problems.map((p) => csvLine([String(p.line), p.field, p.message])).join("");
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "contact-import-problems.csv";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">Rows with problems</h2>
        {problems.length > SHOWN_PROBLEMS ? (
          <Button variant="secondary" size="sm" onClick={download}>
            Download all {fmt(problems.length)} problems
          </Button>
        ) : null}
      </div>
      <div className="max-h-80 overflow-auto rounded-lg border border-red-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" aria-label="Rows with problems">
          <thead className="sticky top-0 bg-red-50 text-xs uppercase tracking-wide text-red-900">
            <tr>
              <th className="px-3 py-2">Line</th>
              <th className="px-3 py-2">Column</th>
              <th className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <tr key={`${p.line}-${p.field}-${i}`} data-line={p.line}>
                <td className="px-3 py-1.5 text-slate-600">Line {p.line}</td>
                <td className="px-3 py-1.5 text-slate-600">{p.field || "—"}</td>
                <td className="px-3 py-1.5 text-red-800">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > SHOWN_PROBLEMS ? (
        <p className="text-xs text-slate-500">
          Showing the first {SHOWN_PROBLEMS} of {fmt(problems.length)} problems; download the list for all of them.
        </p>
      ) : null}
    </section>
  );
}

/** The first lines of the file as they will be imported, problem lines highlighted. */
function PreviewTable({ parsed }: { parsed: ParsedContactsFile }) {
  const bad = new Set(parsed.problems.map((p) => p.line));
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-900">
        Preview <span className="font-normal text-slate-500">(first {Math.min(parsed.preview.length, parsed.total)} of {fmt(parsed.total)} lines)</span>
      </h2>
      <div className="max-h-[60vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" aria-label="Preview">
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Line</th>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">First name</th>
              <th className="px-3 py-2">Last name</th>
              <th className="px-3 py-2">Status</th>
              {parsed.attributeNames.map((name) => (
                <th key={name} className="px-3 py-2 normal-case">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {parsed.preview.map(({ line, row }) => (
              <tr key={line} data-line={line} className={cn(bad.has(line) && "bg-red-50 text-red-900")}>
                <td className="px-3 py-1.5 text-slate-500">{line}</td>
                <td className="px-3 py-1.5">{row.email}</td>
                <td className="px-3 py-1.5">{row.firstName}</td>
                <td className="px-3 py-1.5">{row.lastName}</td>
                <td className="px-3 py-1.5">{row.status}</td>
                {parsed.attributeNames.map((name) => (
                  <td key={name} className="max-w-60 truncate px-3 py-1.5">
                    {row.attributes[name]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
