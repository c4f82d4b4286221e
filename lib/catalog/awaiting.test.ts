import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { orders } from "../../db/schema";
import { createLocalEntity } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { awaitingRegistration } from "./queries";

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

describe("packages awaiting the entity's registration", () => {
  it("lists open collaborative offers the entity has no live order for, soonest deadline first", async () => {
    const e = await createLocalEntity();
    const other = await createLocalEntity();
    const later = await publishedPackage({ audience: [e.id], registrationDeadline: days(9) });
    const sooner = await publishedPackage({ audience: [e.id], registrationDeadline: days(2) });
    const registered = await publishedPackage({ audience: [e.id] });
    const rejected = await publishedPackage({ audience: [e.id], registrationDeadline: days(5) });
    const closed = await publishedPackage({ audience: [e.id], registrationDeadline: days(-1) });
    const local = await publishedPackage({ kind: "local", audience: [e.id], registrationDeadline: null });
    const foreign = await publishedPackage({ audience: [other.id] });
    await getDb().insert(orders).values([
      { packageId: registered.pkg.id, entityId: e.id, label: "In", status: "approved" },
      { packageId: rejected.pkg.id, entityId: e.id, label: "No", status: "rejected" },
    ]);
    const ids = (await awaitingRegistration(getDb(), e.id, 50)).map((p) => p.id);
    const mine = [sooner, rejected, later].map((p) => p.pkg.id);
    // Packages offered to every entity (other tests') may appear too; ours keep their order, and none of the others.
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
    for (const p of [registered, closed, local, foreign]) expect(ids).not.toContain(p.pkg.id);
  });
});
