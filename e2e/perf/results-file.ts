import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// e2e/perf/RESULTS.md holds one section per benchmark script, each between its own markers, so
// that a script rewrites its figures and leaves the others' as they are.

export const RESULTS = path.join(import.meta.dirname, "RESULTS.md");

export const sectionMarkers = (name: string) => ({ start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` });

/** Replaces the section between `<!-- bench:NAME:start -->` and its end marker, or adds it (at the end, or first). */
export async function writeResultsSection(name: string, section: string, opts: { first?: boolean } = {}) {
  const { start: startMarker, end: endMarker } = sectionMarkers(name);
  const body = section.includes(startMarker) ? section : `${startMarker}\n${section.trim()}\n${endMarker}`;
  const current = await readFile(RESULTS, "utf8").catch(() => "");
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${body}${current.slice(end + endMarker.length)}`
      : opts.first
        ? `${body}\n\n${current.replace(/^\s*/, "")}`
        : `${current.replace(/\s*$/, "")}\n\n${body}\n`;
  await writeFile(RESULTS, next);
}
