import { fork } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { getDb } from "../../db";
import { loadPackageList } from "../../lib/packages/list-keyset";
import type { PackageRow } from "../../lib/packages/queries";
import { stopChild } from "../../lib/runtime/processes";
import type { SearchParams } from "../../lib/tables/params";

// B1's anchor: a bare node:http server that answers the packages list's URLs with the same data
// load as app/admin/packages/page.tsx (its own loadPackageList, so the same SQL on the same pool
// size) and React's renderToString of a plain table of the same rows, with the same next-page
// link. No framework, no session, no client components: what is left between it and `next start`
// is what the portal adds.

const CHILD_FLAG = "DM_BENCH_HTTP_ANCHOR";

const iso = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

function Page({ rows, from, next }: { rows: PackageRow[]; from: number; next: string | null }) {
  const head = ["Label", "Type", "Folder", "Reference campaign", "Status", "Start", "End", "Availability", "Status date"];
  return h(
    "main",
    null,
    h("h1", null, "Campaign packages"),
    h(
      "table",
      null,
      h("thead", null, h("tr", null, ...head.map((c) => h("th", { key: c }, c)))),
      h(
        "tbody",
        null,
        ...rows.map((r) =>
          h(
            "tr",
            { key: r.id },
            h("td", null, h("a", { href: `/admin/packages/${r.id}` }, r.label)),
            h("td", null, r.kind),
            h("td", null, r.folder || "—"),
            h("td", null, r.referenceLabel),
            h("td", null, r.status, r.late ? " Late" : "", r.unavailable ? " Unavailable" : ""),
            h("td", null, iso(r.startAt)),
            h("td", null, iso(r.endAt)),
            h("td", null, iso(r.availableAt)),
            h("td", null, iso(r.statusChangedAt)),
          ),
        ),
      ),
    ),
    h("p", null, rows.length ? `${from}–${from + rows.length - 1}` : "No results"),
    next ? h("a", { href: `?after=${encodeURIComponent(next)}`, rel: "next" }, "Next page") : null,
  );
}

/** What the page loads for a URL: keep in step with app/admin/packages/page.tsx. */
export const pageData = (sp: SearchParams) => loadPackageList(getDb(), sp);

async function answer(search: URLSearchParams): Promise<string> {
  const { rows, from, next } = await pageData(Object.fromEntries(search));
  return `<!DOCTYPE html><html><head><title>Campaign packages</title></head><body>${renderToString(h(Page, { rows, from, next }))}</body></html>`;
}

async function runAnchor() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://anchor");
    answer(url.searchParams).then(
      (html) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(html);
      },
      (err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.on("disconnect", () => server.close(() => process.exit(0)));
  process.send!({ port: (server.address() as AddressInfo).port });
}

export type Anchor = { url: string; pid: number; stop: () => Promise<void> };

/** Starts the anchor in a child process with NODE_ENV=production, on the same DATABASE_URL. */
export async function startHttpAnchor(): Promise<Anchor> {
  const env = { ...process.env, NODE_ENV: "production" as const, [CHILD_FLAG]: "1" };
  const child = fork(import.meta.filename, [], { env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const died = once(child, "exit").then(([code]) => Promise.reject(new Error(`the HTTP anchor exited with ${String(code)} before it listened`)));
  const [{ port }] = (await Promise.race([once(child, "message"), died])) as [{ port: number }];
  died.catch(() => {});
  // Closing the IPC channel is its cue to close the server and exit.
  const stop = async () => {
    if (child.connected) child.disconnect();
    await stopChild(child, 3000);
  };
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, stop };
}

if (process.env[CHILD_FLAG] === "1" && process.send) await runAnchor();
