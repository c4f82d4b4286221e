import { describe, expect, it } from "vitest";
import { csvCell, csvLine, detectDelimiter, parseCsv } from "./csv";
import { importBatches, mapHeader, readContactsCsv } from "./import-rows";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("CSV parser", () => {
  it("reads plain records, with or without a final line break", () => {
    expect(fields("a,b,c\n1,2,3\n")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fields("a,b,c\n1,2,3")).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(fields("")).toEqual([]);
  });

  it("handles CRLF, LF and lone CR line ends", () => {
    expect(fields("a,b\r\n1,2\r\n3,4")).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
    expect(fields("a,b\r1,2\r")).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("skips a byte-order mark", () => {
    expect(fields("\uFEFFemail,lastName\r\nx@y.z,Doe")).toEqual([["email", "lastName"], ["x@y.z", "Doe"]]);
    expect(detectDelimiter("\uFEFFa;b;c")).toBe(";");
  });

  it("reads quoted fields with delimiters, escaped quotes and line breaks", () => {
    expect(fields('"a,b","say ""hi""",""\n')).toEqual([["a,b", 'say "hi"', ""]]);
    expect(fields('x,"line 1\r\nline 2",y\r\nz,w,v')).toEqual([["x", "line 1\r\nline 2", "y"], ["z", "w", "v"]]);
    expect(fields('"""quoted"""')).toEqual([['"quoted"']]);
  });

  it("numbers each record by the file line it starts on, multi-line values included", () => {
    const records = parseCsv('h1,h2\n"a\nb\nc",1\n\nlast,2\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["h1", "h2"]],
      [2, ["a\nb\nc", "1"]],
      [5, [""]],
      [6, ["last", "2"]],
    ]);
  });

  it("keeps empty fields, a trailing delimiter and a quote inside an unquoted value", () => {
    expect(fields(",,\n")).toEqual([["", "", ""]]);
    expect(fields("a,b,")).toEqual([["a", "b", ""]]);
    expect(fields('5" screen,x')).toEqual([['5" screen', "x"]]);
  });

  it("flags a quote that never closes and text after a closing quote, on their line", () => {
    const [header, broken] = parseCsv('a,b\n"open,1\n2,3\n');
    expect(header!.error).toBeUndefined();
    expect(broken).toMatchObject({ line: 2, error: "A quote opened on this line never closes." });
    const [bad, next] = parseCsv('"ab"cd,e\nf,g');
    expect(bad).toMatchObject({ line: 1, fields: ["abcd", "e"], error: "A quoted value must be followed by a delimiter or the end of the line." });
    expect(next).toMatchObject({ line: 2, fields: ["f", "g"] });
  });

  it("detects semicolon and tab delimiters from the header line, ignoring quoted text", () => {
    expect(detectDelimiter("email;firstName;lastName\nx@y.z;A;B")).toBe(";");
    expect(detectDelimiter("email\tname")).toBe("\t");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(fields("email;city\nx@y.z;\"Paris; 8e\"")).toEqual([["email", "city"], ["x@y.z", "Paris; 8e"]]);
  });
});

describe("CSV writer", () => {
  it("quotes what needs it and doubles quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvLine(["a", "b c", ""])).toBe("a,b c,\r\n");
  });

  it("neutralizes formulas with a leading quote", () => {
    for (const v of ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx"]) expect(csvCell(v).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("reads back what it writes", () => {
    const cells = ["x@y.z", 'He said "no", twice', "multi\r\nline", "", "Zoë"];
    expect(fields(csvLine(cells))).toEqual([cells]);
  });
});

describe("reading a contacts file", () => {
  it("maps the header: email required, names and status optional, other columns as attributes", () => {
    expect(mapHeader(["Email", "First name", "last_name", "STATUS", "city"])).toEqual({
      columns: { core: { email: 0, firstName: 1, lastName: 2, status: 3 }, attributes: [["city", 4]] },
    });
    expect(mapHeader(["firstName", "lastName"])).toMatchObject({ error: expect.stringContaining("needs an email column") });
    expect(mapHeader(["email", "city", "City"])).toMatchObject({ error: expect.stringContaining("twice") });
    expect(mapHeader(["email", ""])).toMatchObject({ error: "Column 2 of the header line has no name." });
    expect(mapHeader(["email", ...Array.from({ length: 51 }, (_, i) => `a${i}`)])).toMatchObject({ error: expect.stringContaining("at most 50") });
  });

  it("checks every line with the row schema and reports problems by line", async () => {
    const text = [
      "\uFEFFemail,firstName,lastName,status,city",
      "Marie@Example.com, Marie ,Dupont,,Paris",
      "not-an-email,Bad,Row,,Lyon",
      "",
      'jean@example.com,Jean,"Martin, Jr.",Unsubscribed,"Paris"',
      "paul@example.com,Paul,Durand,gone,Nice",
      "marie@example.com,Again,Dupont,,Paris",
      `long@example.com,L,Long,,${"x".repeat(501)}`,
      "extra@example.com,E,X,,Paris,surplus",
    ].join("\r\n");
    const res = await readContactsCsv(text);
    expect(res.fileError).toBeUndefined();
    expect(res.total).toBe(7);
    expect(res.attributeNames).toEqual(["city"]);
    expect(res.valid).toEqual([
      { email: "marie@example.com", firstName: "Marie", lastName: "Dupont", status: "", attributes: { city: "Paris" } },
      { email: "jean@example.com", firstName: "Jean", lastName: "Martin, Jr.", status: "unsubscribed", attributes: { city: "Paris" } },
    ]);
    expect(res.validLines).toEqual([2, 5]);
    expect(res.invalidCount).toBe(5);
    expect(res.problems).toEqual([
      { line: 3, field: "email", message: "Enter a valid email address, like name@example.com." },
      { line: 6, field: "status", message: "Use active, unsubscribed or bounced, or leave it empty." },
      { line: 7, field: "email", message: "This email is already on line 2." },
      { line: 8, field: "city", message: "Keep each value under 500 characters." },
      { line: 9, field: "", message: "This line has 6 values; the header line has 5 columns." },
    ]);
    expect(res.preview.map((p) => p.line)).toEqual([2, 3, 5, 6, 7, 8, 9]);
  });

  it("refuses a file without a usable header", async () => {
    expect((await readContactsCsv("")).fileError).toMatch(/empty/);
    expect((await readContactsCsv("name,city\nA,B")).fileError).toMatch(/email column/);
  });

  it("drops empty attribute values and keeps a missing trailing value empty", async () => {
    const res = await readContactsCsv("email,lastName,city,store\na@b.co,A,,s1\nc@d.co,C");
    expect(res.valid.map((r) => r.attributes)).toEqual([{ store: "s1" }, {}]);
  });

  it("reads 100,000 lines, yielding to the event loop as it goes", async () => {
    const lines = ["email,firstName,lastName,city"];
    for (let i = 0; i < 100_000; i++) lines.push(`person.${i}@example.com,First${i},Last${i},City ${i % 50}`);
    let yields = 0;
    const progress: number[] = [];
    const ticker = setInterval(() => yields++, 0);
    const started = performance.now();
    const res = await readContactsCsv(lines.join("\n"), { onProgress: (f) => progress.push(f) });
    clearInterval(ticker);
    expect(res.valid).toHaveLength(100_000);
    expect(res.problems).toEqual([]);
    expect(yields).toBeGreaterThan(10); // other work ran while the file was read
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThanOrEqual(50);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it("cuts the valid rows into batches of at most 1,000 rows, and smaller when rows are large", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ email: `p${i}@x.co`, firstName: "", lastName: "", status: "" as const, attributes: {} }));
    const lines = rows.map((_, i) => i + 2);
    const batches = importBatches(rows, lines, 1000);
    expect(batches.map((b) => b.rows.length)).toEqual([1000, 1000, 500]);
    expect(batches[1]!.lines[0]).toBe(1002);
    const big = rows.slice(0, 10).map((r) => ({ ...r, attributes: { note: "x".repeat(500) } }));
    expect(importBatches(big, lines, 1000, 2000).map((b) => b.rows.length)).toEqual([3, 3, 3, 1]);
  });
});
