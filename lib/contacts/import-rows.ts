// Reading a contacts CSV file in the browser: header, rows, checks. No server code here.
import { fieldErrorsOf } from "@/lib/validation";
import { csvRecords, detectDelimiter, isBlankRecord } from "./csv";
import { contactImportRowSchema, MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTES, type ContactImportRow } from "./schemas";

/** A problem of the file, on its line (1 is the header) and column ("" for the whole line). */
export type ImportProblem = { line: number; field: string; message: string };

type CoreField = "email" | "firstName" | "lastName" | "status";
export type ContactColumns = { core: Partial<Record<CoreField, number>>; attributes: [name: string, index: number][] };

const coreNames: Record<string, CoreField> = { email: "email", firstname: "firstName", lastname: "lastName", status: "status" };

/** "First name", "first_name", "FIRSTNAME" and "firstName" all name the firstName column. */
const normalize = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, "");

/** The header line: email is mandatory; firstName, lastName and status optional; any other column is an attribute. */
export function mapHeader(fields: string[]): { columns: ContactColumns } | { error: string } {
  const core: ContactColumns["core"] = {};
  const attributes: ContactColumns["attributes"] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim();
    if (!name) return { error: `Column ${index + 1} of the header line has no name.` };
    const key = normalize(name);
    if (seen.has(key)) return { error: `The header line names "${name}" twice (columns ${seen.get(key)! + 1} and ${index + 1}).` };
    seen.set(key, index);
    const field = coreNames[key];
    if (field) core[field] = index;
    else if (name.length > MAX_ATTRIBUTE_NAME) return { error: `Column ${index + 1}: keep attribute names under ${MAX_ATTRIBUTE_NAME} characters.` };
    else attributes.push([name, index]);
  }
  if (core.email === undefined) return { error: "The header line needs an email column (then optionally firstName, lastName, status and any attributes)." };
  if (attributes.length > MAX_ATTRIBUTES) return { error: `The file has ${attributes.length} attribute columns; a contact has at most ${MAX_ATTRIBUTES}.` };
  return { columns: { core, attributes } };
}

/** The values of one line, as the row schema expects them. */
export function recordToRow(columns: ContactColumns, fields: string[]) {
  const at = (i: number | undefined) => (i === undefined ? "" : (fields[i] ?? ""));
  return {
    email: at(columns.core.email),
    firstName: at(columns.core.firstName),
    lastName: at(columns.core.lastName),
    status: at(columns.core.status),
    // fromEntries, not assignment: a column named "__proto__" stays an ordinary attribute.
    attributes: Object.fromEntries(columns.attributes.map(([name, i]) => [name, at(i)])),
  };
}
export type RawContactRow = ReturnType<typeof recordToRow>;

export type ParsedContactsFile = {
  /** Set when the file cannot be read at all (no header, no email column…); nothing else is then filled. */
  fileError?: string;
  attributeNames: string[];
  /** Data lines, blank lines excepted. */
  total: number;
  valid: ContactImportRow[];
  /** The file line of each valid row, for messages that come back from the server. */
  validLines: number[];
  /** Lines with at least one problem; their problems are in `problems`. */
  invalidCount: number;
  problems: ImportProblem[];
  /** The first data lines as read, valid or not. */
  preview: { line: number; row: RawContactRow }[];
};

const pause = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Reads and checks a whole file with the schema the server uses again. Every `yieldEvery` lines it
 * yields to the event loop (and reports progress between 0 and 1), so that a 100,000-line file never
 * freezes the page. Duplicate emails are reported on the later line.
 */
export async function readContactsCsv(
  text: string,
  opts: { yieldEvery?: number; previewSize?: number; onProgress?: (fraction: number) => void; isCancelled?: () => boolean } = {},
): Promise<ParsedContactsFile> {
  const { yieldEvery = 2000, previewSize = 20 } = opts;
  const out: ParsedContactsFile = { attributeNames: [], total: 0, valid: [], validLines: [], invalidCount: 0, problems: [], preview: [] };
  let columns: ContactColumns | undefined;
  let width = 0;
  const firstLineOf = new Map<string, number>();
  let count = 0;
  for (const record of csvRecords(text, detectDelimiter(text))) {
    if (++count % yieldEvery === 0) {
      opts.onProgress?.(record.end / text.length);
      await pause();
      if (opts.isCancelled?.()) break;
    }
    if (isBlankRecord(record)) continue;
    if (!columns) {
      const header = record.error ? { error: `Header line: ${record.error}` } : mapHeader(record.fields);
      if ("error" in header) return { ...out, fileError: header.error };
      columns = header.columns;
      width = record.fields.length;
      out.attributeNames = columns.attributes.map(([name]) => name);
      continue;
    }
    out.total++;
    const raw = recordToRow(columns, record.fields);
    if (out.preview.length < previewSize) out.preview.push({ line: record.line, row: raw });
    const problems: ImportProblem[] = [];
    if (record.error) problems.push({ line: record.line, field: "", message: record.error });
    if (record.fields.length > width) {
      problems.push({ line: record.line, field: "", message: `This line has ${record.fields.length} values; the header line has ${width} columns.` });
    }
    const parsed = contactImportRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error))) problems.push({ line: record.line, field: fieldName(path), message });
    } else if (!problems.length) {
      const first = firstLineOf.get(parsed.data.email);
      if (first !== undefined) problems.push({ line: record.line, field: "email", message: `This email is already on line ${first}.` });
      else firstLineOf.set(parsed.data.email, record.line);
    }
    if (problems.length) {
      out.invalidCount++;
      out.problems.push(...problems);
    } else {
      out.valid.push(parsed.data!);
      out.validLines.push(record.line);
    }
  }
  opts.onProgress?.(1);
  if (!columns) return { ...out, fileError: "The file is empty: it needs a header line (email, firstName, lastName, status, attributes…) and one line per contact." };
  return out;
}

/** "attributes.city" → "city": the column as the file names it. */
export function fieldName(path: string): string {
  return path.startsWith("attributes.") ? path.slice("attributes.".length) : path;
}

/** Valid rows cut into calls of at most `maxRows` rows and about `maxChars` characters of payload. */
export function importBatches(rows: ContactImportRow[], lines: number[], maxRows: number, maxChars = 4_000_000) {
  const batches: { rows: ContactImportRow[]; lines: number[] }[] = [];
  let current: { rows: ContactImportRow[]; lines: number[] } = { rows: [], lines: [] };
  let chars = 0;
  rows.forEach((row, i) => {
    let size = row.email.length + row.firstName.length + row.lastName.length + row.status.length + 80;
    for (const [k, v] of Object.entries(row.attributes)) size += k.length + v.length + 6;
    if (current.rows.length && (current.rows.length >= maxRows || chars + size > maxChars)) {
      batches.push(current);
      current = { rows: [], lines: [] };
      chars = 0;
    }
    current.rows.push(row);
    current.lines.push(lines[i]!);
    chars += size;
  });
  if (current.rows.length) batches.push(current);
  return batches;
}
