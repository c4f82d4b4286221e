import type { ExportColumn } from "@/db/schema/providers";
import { csvLine } from "@/lib/contacts/csv";

// The extraction file of a direct-mail delivery (§8): the provider's export template applied to
// the delivery's target. Pure functions, so the file's exact content is easy to test.

export type ExtractedContact = { email: string; firstName: string; lastName: string; entity: string; attributes: Record<string, string> };

/** A provider without an export template still gets a usable file. */
export const defaultExportColumns: ExportColumn[] = [
  { header: "email", field: "email" },
  { header: "firstName", field: "firstName" },
  { header: "lastName", field: "lastName" },
  { header: "entity", field: "entity" },
];

function cellOf(contact: ExtractedContact, field: string): string {
  switch (field) {
    case "email":
      return contact.email;
    case "firstName":
      return contact.firstName;
    case "lastName":
      return contact.lastName;
    case "entity":
      return contact.entity;
    default:
      // Own properties only: an attribute template naming "constructor" reads nothing.
      return Object.hasOwn(contact.attributes, field) ? String(contact.attributes[field] ?? "") : "";
  }
}

/**
 * The CSV: a header line, then one line per contact, CRLF line ends (RFC 4180), cells quoted when
 * they hold a quote, comma, semicolon or line break, and cells starting with = + - @ (or a tab or
 * carriage return) prefixed with ' so a spreadsheet shows them as text instead of running them.
 * No byte-order mark: the file is read by the provider's tools, where a BOM glued to the first
 * header is a classic "column not found".
 */
export function extractionCsv(columns: readonly ExportColumn[], contacts: Iterable<ExtractedContact>): string {
  const cols = columns.length ? columns : defaultExportColumns;
  let out = csvLine(cols.map((c) => c.header));
  for (const contact of contacts) out += csvLine(cols.map((c) => cellOf(contact, c.field)));
  return out;
}

/** "Spring mailing – Région Sud" → "Spring-mailing-Region-Sud": safe in a file name on any system. */
export function fileNamePart(value: string): string {
  const ascii = value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return ascii.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "").slice(0, 80) || "file";
}

/** The file name from the provider's pattern: {delivery}, {date} (YYYY-MM-DD, UTC), {provider}. */
export function extractionFileName(pattern: string, values: { delivery: string; provider: string; date: Date }): string {
  const parts: Record<string, string> = {
    delivery: fileNamePart(values.delivery),
    provider: fileNamePart(values.provider),
    date: values.date.toISOString().slice(0, 10),
  };
  const name = pattern.replace(/\{(delivery|date|provider)\}/g, (_, k: string) => parts[k]!);
  // The pattern was validated when saved; this keeps an older or odd one from escaping a folder.
  const safe = name.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, "-").replace(/^\.+/, "").slice(0, 200);
  return /\.csv$/i.test(safe) ? safe : `${safe || "extraction"}.csv`;
}
