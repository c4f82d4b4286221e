import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, packages } from "../../db/schema";
import { createLocalEntity, uniq } from "../testing/factories";
import { createReferenceCampaign } from "../testing/package-factories";
import { parsePackageFilters, parsePackageView } from "./queries-params";
import { listPackages, listReferenceCampaignOptions, packageViewCounts, type PackageListQuery } from "./queries";

const db = () => getDb();
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
type Insert = Partial<typeof packages.$inferInsert>;

let refA: string;
let refB: string;
beforeAll(async () => {
  refA = (await createReferenceCampaign()).campaign.id;
  refB = (await createReferenceCampaign("local")).campaign.id;
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
  listPackages(db(), { page: 1, perPage: 100, sort: "createdAt", desc: true, q: "", folder, ...over });
const labels = async (folder: string, over: Partial<PackageListQuery> = {}) => (await list(folder, over)).rows.map((r) => r.label);

describe("campaign packages list", () => {
  it("counts every quick link in one query, Late and Unavailable included", async () => {
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
    expect(await packageViewCounts(db(), { folder })).toEqual({
      all: 10,
      being_edited: 2,
      pending_approval: 2,
      approved: 2,
      rejected: 1,
      published: 2,
      late: 2,
      unavailable: 1,
      canceled: 1,
    });
    expect((await labels(folder, { view: "late" })).sort()).toEqual(["late approval", "late publication"]);
    const unavailable = await list(folder, { view: "unavailable" });
    expect(unavailable).toMatchObject({ total: 1, rows: [{ label: "ended", unavailable: true, late: false }] });
    expect((await list(folder, { view: "approved" })).rows.map((r) => r.late).sort()).toEqual([false, true]);
    expect((await list(folder, { view: "canceled" })).total).toBe(1);
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
    expect(await packageViewCounts(db(), { folder, kind: "collaborative" })).toMatchObject({ all: 2, being_edited: 1, published: 1 });
  });

  it("treats LIKE wildcards in the folder and search as plain text", async () => {
    const stem = uniq("Pct");
    await seed([{ folder: `${stem} 50%`, label: "Fifty percent" }]);
    await seed([{ folder: `${stem} 50ab`, label: "Fifty ab" }]);
    expect(await labels(`${stem} 50%`)).toEqual(["Fifty percent"]);
    expect(await labels(`${stem} 50_b`)).toEqual([]);
    expect(await labels(stem, { q: "fifty_" })).toEqual([]);
  });

  it("sorts on whitelisted columns and pages with a stable order", async () => {
    // Labels in an order unrelated to creation, so that each sort is told apart.
    const created = Array.from({ length: 12 }, (_, i) => `Pkg ${String.fromCharCode(65 + ((i * 5) % 12))}`);
    const { folder } = await seed(created.map((label, i) => ({ label, referenceCampaignId: i % 2 ? refA : refB })));
    const newestFirst = [...created].reverse();
    expect(await labels(folder)).toEqual(newestFirst);
    expect(await labels(folder, { desc: false })).toEqual([...newestFirst].reverse());
    const byLabel = [...newestFirst].sort();
    expect(await labels(folder, { sort: "label", desc: false })).toEqual(byLabel);
    expect(await labels(folder, { sort: "label", desc: true })).toEqual([...byLabel].reverse());
    const byReference = await list(folder, { sort: "reference", desc: false });
    expect(byReference.rows.map((r) => r.referenceLabel)).toEqual([...byReference.rows.map((r) => r.referenceLabel)].sort());

    const page1 = await list(folder, { perPage: 10, page: 1 });
    const page2 = await list(folder, { perPage: 10, page: 2 });
    expect(page1.total).toBe(12);
    expect(page2.total).toBe(12);
    expect(page1.rows).toHaveLength(10);
    expect([...page1.rows, ...page2.rows].map((r) => r.label)).toEqual(newestFirst);
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
