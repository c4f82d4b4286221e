// RFC 4180 CSV, reading and writing, for the browser and the server alike: no dependencies, no Node APIs.

export type CsvDelimiter = "," | ";" | "\t";

/** One record of the file: its fields, the file line it starts on (1-based) and where it ends in the text. */
export type CsvRecord = { line: number; fields: string[]; end: number; error?: string };

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * The delimiter of the header line: a comma unless the line holds more semicolons or tabs outside
 * quotes (spreadsheets in French and other locales save "CSV" with semicolons).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c as CsvDelimiter]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * The records of a CSV text, one at a time, so that a caller can pause between them.
 * - A leading byte-order mark is ignored; lines end with CRLF, LF or CR.
 * - A field that starts with a quote runs to the matching quote; `""` inside it is one quote, and it
 *   may hold delimiters and line breaks (the record's `line` is where it starts).
 * - A quote inside an unquoted field is kept as it is (`5" screen`).
 * - A record whose quote never closes, or with text after a closing quote, carries an `error`.
 * - A blank line is a record with one empty field: see {@link isBlankRecord}.
 */
export function* csvRecords(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): Generator<CsvRecord> {
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  // Index of the next delimiter or line break at or after `from`.
  const stop = (from: number) => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF || c === CR) break;
      j++;
    }
    return j;
  };

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        value = "";
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            value += text.slice(from);
            i = n;
            error ??= "A quote opened on this line never closes.";
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        line += countLineBreaks(value);
        if (i < n && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) {
          error ??= "A quoted value must be followed by a delimiter or the end of the line.";
          const end = stop(i);
          value += text.slice(i, end);
          i = end;
        }
      } else {
        const end = stop(i);
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) {
          fields.push(""); // "a,b," at the very end: a last, empty field
          break;
        }
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    yield error ? { line: start, fields, end: i, error } : { line: start, fields, end: i };
  }
}

/** All records at once: for small texts and tests. */
export function parseCsv(text: string, delimiter?: CsvDelimiter): CsvRecord[] {
  return [...csvRecords(text, delimiter)];
}

export function isBlankRecord(r: CsvRecord): boolean {
  return r.fields.length === 1 && r.fields[0]!.trim() === "";
}

/**
 * One cell for a file that people open in a spreadsheet. A value starting with = + - @ (or a tab or
 * carriage return) is prefixed with `'` so that it stays text instead of running as a formula; a
 * value holding a quote, delimiter or line break is quoted, with its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, CRLF-terminated as RFC 4180 says. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export const CSV_BOM = "\uFEFF";
