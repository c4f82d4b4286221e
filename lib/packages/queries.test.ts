import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type DbOrTx } from "../../db";
import { campaigns, packages, packageStatusCounts } from "../../db/schema";
import { encodeCursor } from "../tables/keyset";
import { createLocalEntity, uniq } from "../testing/factories";
import { createReferenceCampaign } from "../testing/package-factories";
import { loadPackageList, parsePackageListQuery } from "./list-keyset";
import { packageListTotal, packageViewCounts } from "./package-counts";
import { packageCursor } from "./packages-keyset";
import { COUNT_CAP, packageSortable, parsePackageFilters, parsePackageView } from "./queries-params";
import { listPackages, listReferenceCampaignOptions, type PackageListQuery } from "./queries";

const db = () => getDb();
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
type Insert = Partial<typeof packages.$inferInsert>;

let refA: string;
let refB: string;
let bulkFolder: string;
beforeAll(async () => {
  refA = (await createReferenceCampaign()).campaign.id;
  refB = (await createReferenceCampaign("local")).campaign.id;
  // More packages than the filtered counts' cap, first in the label order and the newest of all:
  // a filtered page must walk past them, and then find its rows through the filter's own index.
  bulkFolder = uniq("Bulk");
  await db().execute(sql`insert into packages (kind, label, internal_name, folder, reference_campaign_id, start_at, end_at, available_at, created_at)
    select 'local', 'Aaa bulk ' || lpad(i::text, 4, '0'), ${bulkFolder} || '-' || i, ${bulkFolder}, ${refA}, now(), now() + interval '30 days', now(),
      timestamptz '2100-01-01' + i * interval '1 second'
    from generate_series(1, ${COUNT_CAP + 100}) i`);
});

/** Inserts packages in a folder of their own, so that other test files' rows never count. */
async function seed(rows: Insert[]) {
  const folder = uniq("Folder");
  const values = rows.map((r, i) => ({
    kind: "local" as const,
    label: `Package ${String(i).padStart(2, "0")}`,
    internalName: uniq("pkg"),
    folder,
    referenceCampaignId: refA,
    startAt: days(-5),
    endAt: days(30),
    availableAt: days(1),
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
    ...r,
  }));
  await db().insert(packages).values(values);
  return { folder };
}

const list = (folder: string, over: Partial<PackageListQuery> = {}) =>
  listPackages(db(), { perPage: 100, sort: "createdAt", desc: true, q: "", folder, ...over });
const labels = async (folder: string, over: Partial<PackageListQuery> = {}) => (await list(folder, over)).rows.map((r) => r.label);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Counts read in one snapshot, so that other test files' packages, written meanwhile, cannot skew them. */
function inSnapshot<T>(fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db().transaction(fn, { isolationLevel: "repeatable read" });
}

describe("campaign packages list", () => {
  it("counts every quick link, Late and Unavailable included, and the list's total for each view", async () => {
    const { folder } = await seed([
      { status: "being_edited" },
      { status: "being_edited" },
      { status: "pending_approval", approvalDeadline: days(2) },
      { status: "pending_approval", approvalDeadline: days(-1), label: "late approval" },
      { status: "approved", availableAt: days(3) },
      { status: "approved", availableAt: days(-1), label: "late publication" },
      { status: "rejected" },
      { status: "published", endAt: days(10) },
      { status: "published", endAt: days(-1), startAt: days(-20), availableAt: days(-10), label: "ended" },
      { status: "canceled", endAt: days(-1) },
    ]);
    const counts = await packageViewCounts(db(), { folder });
    expect(counts).toEqual({
      exact: true,
      counts: { all: 10, being_edited: 2, pending_approval: 2, approved: 2, rejected: 1, published: 2, late: 2, unavailable: 1, canceled: 1 },
    });
    expect(await packageListTotal(db(), { folder, view: "late" }, counts)).toEqual({ count: 2, exact: true });
    expect((await labels(folder, { view: "late" })).sort()).toEqual(["late approval", "late publication"]);
    const unavailable = await list(folder, { view: "unavailable" });
    expect(unavailable).toMatchObject({ from: 1, next: null, prev: null, rows: [{ label: "ended", unavailable: true, late: false }] });
    expect((await list(folder, { view: "approved" })).rows.map((r) => r.late).sort()).toEqual([false, true]);
  });

  it("filters by type, folder, reference campaign, Start range and search, and counts under the filters", async () => {
    const { folder } = await seed([
      { label: "Spring local", startAt: new Date("2030-03-01T10:00:00Z") },
      { label: "Spring collab", kind: "collaborative", referenceCampaignId: refB, startAt: new Date("2030-03-31T23:30:00Z") },
      { label: "Summer collab", kind: "collaborative", startAt: new Date("2030-04-01T00:00:00Z"), status: "published" },
    ]);
    expect(await labels(folder, { kind: "collaborative", sort: "label", desc: false })).toEqual(["Spring collab", "Summer collab"]);
    expect(await labels(folder, { referenceId: refB })).toEqual(["Spring collab"]);
    expect(await labels(folder, { startFrom: "2030-03-01", startTo: "2030-03-31", sort: "startAt", desc: false })).toEqual(["Spring local", "Spring collab"]);
    expect(await labels(folder, { startFrom: "2030-04-01" })).toEqual(["Summer collab"]);
    expect(await labels(folder, { q: "spring", sort: "label", desc: false })).toEqual(["Spring collab", "Spring local"]);
    expect(await labels(folder.slice(0, -3).toLowerCase(), { kind: "local" })).toEqual(["Spring local"]);
    expect((await packageViewCounts(db(), { folder, kind: "collaborative" })).counts).toMatchObject({ all: 2, being_edited: 1, published: 1 });
  });

  it("treats LIKE wildcards in the folder and search as plain text", async () => {
    const stem = uniq("Pct");
    await seed([{ folder: `${stem} 50%`, label: "Fifty percent" }]);
    await seed([{ folder: `${stem} 50ab`, label: "Fifty ab" }]);
    expect(await labels(`${stem} 50%`)).toEqual(["Fifty percent"]);
    expect(await labels(`${stem} 50_b`)).toEqual([]);
    expect(await labels(stem, { q: "fifty_" })).toEqual([]);
  });

  it("sorts on whitelisted columns, by the reference campaign's current label", async () => {
    // Labels in an order unrelated to creation, so that each sort is told apart.
    const created = Array.from({ length: 12 }, (_, i) => `Pkg ${String.fromCharCode(65 + ((i * 5) % 12))}`);
    const { folder } = await seed(created.map((label, i) => ({ label, referenceCampaignId: i % 2 ? refA : refB })));
    const newestFirst = [...created].reverse();
    expect(await labels(folder)).toEqual(newestFirst);
    expect(await labels(folder, { desc: false })).toEqual([...newestFirst].reverse());
    const byLabel = [...newestFirst].sort();
    expect(await labels(folder, { sort: "label", desc: false })).toEqual(byLabel);
    expect(await labels(folder, { sort: "label", desc: true })).toEqual([...byLabel].reverse());

    // The copy of the campaign's label on each package follows a rename, and so does the order.
    const labelOf = async (id: string) => (await db().select({ label: campaigns.label }).from(campaigns).where(eq(campaigns.id, id)))[0]!.label;
    const [low, high] = (await labelOf(refA)) < (await labelOf(refB)) ? [refA, refB] : [refB, refA];
    const [lowLabel, highLabel] = [await labelOf(low), await labelOf(high)];
    const refLabels = async () => (await list(folder, { sort: "reference", desc: false })).rows.map((r) => r.referenceLabel);
    expect(await refLabels()).toEqual([...Array(6).fill(lowLabel), ...Array(6).fill(highLabel)]);
    const renamed = uniq("Zz renamed");
    await db().update(campaigns).set({ label: renamed }).where(eq(campaigns.id, low));
    expect(await refLabels()).toEqual([...Array(6).fill(highLabel), ...Array(6).fill(renamed)]);
    // …and a package moved to another campaign takes that campaign's label.
    const [moved] = await db().select({ id: packages.id }).from(packages).where(and(eq(packages.folder, folder), eq(packages.referenceCampaignId, low))).limit(1);
    await db().update(packages).set({ referenceCampaignId: high }).where(eq(packages.id, moved!.id));
    expect(await refLabels()).toEqual([...Array(7).fill(highLabel), ...Array(5).fill(renamed)]);
  });

  it("pages by keyset in every sort and direction: each row once, ties and all, forward and back", async () => {
    // Few distinct values per column, so that every page boundary falls inside ties broken by id.
    const { folder } = await seed(
      Array.from({ length: 13 }, (_, i) => ({
        label: `Tie ${i % 3}`,
        kind: i % 2 ? ("collaborative" as const) : ("local" as const),
        referenceCampaignId: i % 3 ? refA : refB,
        status: (["being_edited", "published", "canceled"] as const)[i % 3],
        startAt: new Date(Date.UTC(2030, 0, 1 + (i % 2))),
        endAt: new Date(Date.UTC(2030, 6, 1 + (i % 4))),
        availableAt: new Date(Date.UTC(2029, 11, 1)),
        createdAt: new Date(Date.UTC(2025, 0, 1, 0, i % 5)),
      })),
    );
    for (const sort of packageSortable) {
      for (const desc of [false, true]) {
        const q = { sort, desc, perPage: 4 };
        const all = await list(folder, { ...q, perPage: 100 });
        expect(all.rows, `${sort} ${desc}`).toHaveLength(13);

        const forward: string[] = [];
        const froms: number[] = [];
        let page = await list(folder, q);
        expect(page.prev).toBeNull();
        for (;;) {
          forward.push(...ids(page.rows));
          froms.push(page.from);
          if (!page.next) break;
          page = await list(folder, { ...q, after: page.next });
        }
        expect(forward, `${sort} ${desc} forward`).toEqual(ids(all.rows));
        expect(froms).toEqual([1, 5, 9, 13]);

        const backward: string[] = [];
        for (;;) {
          backward.unshift(...ids(page.rows));
          if (!page.prev) break;
          page = await list(folder, { ...q, before: page.prev });
        }
        expect(backward, `${sort} ${desc} backward`).toEqual(ids(all.rows));
        expect(page.from).toBe(1);
      }
    }
  });

  it("finds a filtered page's rows when the sort's first thousand rows hold none of them", async () => {
    // The bulk packages are the newest and come first by label: the page walks past them, then reads the matches.
    const { folder } = await seed(Array.from({ length: 7 }, (_, i) => ({ label: `Walk ${i}` })));
    const page1 = await list(folder, { sort: "label", desc: false, perPage: 5 });
    expect(page1.rows.map((r) => r.label)).toEqual(["Walk 0", "Walk 1", "Walk 2", "Walk 3", "Walk 4"]);
    // The list's columns only: the keyset's own values stay on the server.
    // (Descending, the walk meets them before the bulk packages: that page comes from the walk itself.)
    const walked = await list(folder, { sort: "label", desc: true, perPage: 2 });
    expect(walked.rows.map((r) => r.label)).toEqual(["Walk 6", "Walk 5"]);
    for (const rows of [page1.rows, walked.rows]) {
      expect(rows[0]).not.toHaveProperty("cursorValue");
      expect(rows[0]).not.toHaveProperty("sortValue");
      expect(rows[0]).not.toHaveProperty("hit");
    }
    expect((await list(folder, { sort: "label", desc: false, perPage: 5, after: page1.next! })).rows.map((r) => r.label)).toEqual(["Walk 5", "Walk 6"]);
    expect((await list(folder, { perPage: 5 })).rows).toHaveLength(5);
  });

  it("falls back to the first page on a tampered, foreign, stale or old-style position", async () => {
    const { folder } = await seed(Array.from({ length: 6 }, () => ({})));
    const q = { sort: "label" as const, desc: false, perPage: 2 };
    const first = await list(folder, q);
    const second = await list(folder, { ...q, after: first.next! });
    expect(ids(second.rows)).not.toEqual(ids(first.rows));
    const firstPage = { rows: first.rows, from: 1, prev: null, next: first.next };
    for (const after of [
      "garbage",
      `${first.next!.slice(0, -4)}AAAA`,
      first.next!.split("").reverse().join(""),
      packageCursor("createdAt", false, { value: "2025", id: first.rows[0]!.id, position: 1 }),
      packageCursor("label", true, { value: "Package 00", id: first.rows[0]!.id, position: 1 }),
      encodeCursor("label.asc", { value: null, id: first.rows[0]!.id, position: 1 }),
    ]) {
      expect(await list(folder, { ...q, after }), after).toEqual(firstPage);
      expect(await list(folder, { ...q, before: after }), after).toEqual(firstPage);
    }
    // Nothing after the last row, nothing before the first (rows deleted since): the first page too.
    expect(await list(folder, { ...q, after: packageCursor("label", false, { value: "\uffff", id: first.rows[0]!.id, position: 99 }) })).toEqual(firstPage);
    expect(await list(folder, { ...q, before: packageCursor("label", false, { value: "", id: first.rows[0]!.id, position: 2 }) })).toEqual(firstPage);
    // A timestamp that PostgreSQL would refuse never reaches it.
    const timestamp = packageCursor("createdAt", true, { value: "2030-02-30T00:00:00Z", id: first.rows[0]!.id, position: 1 });
    expect(ids((await list(folder, { perPage: 2, after: timestamp })).rows)).toEqual(ids((await list(folder, { perPage: 2 })).rows));
    // ?page=N was the pager's parameter: the list now opens at its first page.
    expect(parsePackageListQuery({ page: "3", folder })).not.toHaveProperty("page");
    const loaded = await loadPackageList(db(), { page: "3", folder, sort: "label.asc", size: "10" });
    expect(loaded).toMatchObject({ from: 1, prev: null, total: { count: 6, exact: true } });
  });

  it("bounds a filtered count at COUNT_CAP, and says so", async () => {
    const counts = await packageViewCounts(db(), { folder: bulkFolder });
    expect(counts.exact).toBe(false);
    // "At least": the sample's counts, none above the cap.
    expect(counts.counts).toMatchObject({ all: COUNT_CAP, being_edited: COUNT_CAP, published: 0 });
    expect(await packageListTotal(db(), { folder: bulkFolder }, counts)).toEqual({ count: COUNT_CAP, exact: false });
    expect(await packageListTotal(db(), { folder: bulkFolder, view: "being_edited" }, counts)).toEqual({ count: COUNT_CAP, exact: false });
    expect(await packageListTotal(db(), { folder: bulkFolder, view: "published" }, counts)).toEqual({ count: 0, exact: true });
    expect(await packageListTotal(db(), { folder: bulkFolder, q: "bulk 000" }, await packageViewCounts(db(), { folder: bulkFolder, q: "bulk 000" }))).toEqual({
      count: 9,
      exact: true,
    });
  });

  it("keeps exact counts by status through inserts, transitions and deletes, and derives Late and Unavailable", async () => {
    const exactCounts = () =>
      inSnapshot(async (tx) => {
        const stored = await tx.select().from(packageStatusCounts);
        const real = await tx.execute<{ status: string; n: number }>(sql`select status, count(*)::int as n from packages group by status`);
        const direct = await tx.execute<{ late: number; unavailable: number; all: number }>(sql`select count(*)::int as all,
          (count(*) filter (where (status = 'pending_approval' and approval_deadline < now()) or (status = 'approved' and available_at < now())))::int as late,
          (count(*) filter (where status = 'published' and end_at < now()))::int as unavailable from packages`);
        const views = await packageViewCounts(tx, {});
        return {
          stored: Object.fromEntries(stored.filter((r) => r.count !== 0).map((r) => [r.status, r.count])),
          real: Object.fromEntries(real.map((r) => [r.status, r.n])),
          derived: { all: views.counts.all, late: views.counts.late, unavailable: views.counts.unavailable },
          direct: direct[0],
          exact: views.exact,
        };
      });
    const check = async () => {
      const c = await exactCounts();
      expect(c.stored).toEqual(c.real);
      expect(c.derived).toEqual(c.direct);
      expect(c.exact).toBe(true);
    };
    const { folder } = await seed([
      { status: "pending_approval", approvalDeadline: days(-1) },
      { status: "pending_approval", approvalDeadline: null },
      { status: "approved", availableAt: days(-1) },
      { status: "published", endAt: days(-1) },
      { status: "published", endAt: days(5) },
      {},
    ]);
    await check();
    // One statement moving several packages between statuses, as a cascade would.
    await db()
      .update(packages)
      .set({ status: "canceled" })
      .where(and(eq(packages.folder, folder), inArray(packages.status, ["pending_approval", "approved"])));
    await check();
    await db()
      .update(packages)
      .set({ status: sql`(case when ${packages.status} = 'canceled' then 'being_edited' else 'published' end)::package_status` })
      .where(eq(packages.folder, folder));
    await check();
    await db().delete(packages).where(eq(packages.folder, folder));
    await check();
  });

  it("reads the view and filters from the URL, dropping malformed values", () => {
    expect(parsePackageView({ view: "late" })).toBe("late");
    expect(parsePackageView({ view: "nope" })).toBe("all");
    expect(parsePackageFilters({ type: "collaborative", folder: "  Seasonal ", reference: "x'; drop", startFrom: "2030-02-30", startTo: "2030-03-01" })).toEqual({
      kind: "collaborative",
      folder: "Seasonal",
      referenceId: undefined,
      startFrom: undefined,
      startTo: "2030-03-01",
    });
  });

  it("offers only central campaigns as reference filter", async () => {
    const entity = await createLocalEntity();
    const [own] = await db().insert(campaigns).values({ label: uniq("Own"), internalName: uniq("own"), entityId: entity.id }).returning();
    const ids = (await listReferenceCampaignOptions(db())).map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([refA, refB]));
    expect(ids).not.toContain(own!.id);
  });
});
