import { fieldErrorsOf } from "@/lib/validation";
import { entityImportRowSchema, type EntityImportRow } from "./schemas";

export type RowError = { row: number; field: string; message: string };

/** Validates every row with the form's schema plus the checks that need the whole file. */
export function validateImportRows(records: Record<string, string>[]): { rows: (EntityImportRow & { line: number })[]; errors: RowError[] } {
  const rows: (EntityImportRow & { line: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = i + 2; // line 1 of the file is the header
    const parsed = entityImportRowSchema.safeParse(record);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error))) errors.push({ row: line, field, message });
      return;
    }
    const first = seen.get(parsed.data.internalName);
    if (first) errors.push({ row: line, field: "internalName", message: `Already used on line ${first} of this file.` });
    else seen.set(parsed.data.internalName, line);
    rows.push({ ...parsed.data, line });
  });
  return { rows, errors };
}

