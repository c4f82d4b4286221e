import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { listEntities } from "../entities/queries";
import { createLocalEntity, createUser } from "../testing/factories";
import { listOperators } from "./queries";

describe("operator and entity lists", () => {
  it("show each operator's entities and each entity's operator count", async () => {
    const a = await createLocalEntity("Alpha list test");
    const b = await createLocalEntity("Beta list test");
    const user = await createUser({ role: "local", entityIds: [a.id, b.id] });
    const { rows } = await listOperators(getDb(), { page: 1, perPage: 10, sort: "name", desc: false, q: user.email });
    expect(rows).toEqual([expect.objectContaining({ id: user.id, entities: "Alpha list test, Beta list test" })]);
    const entities = await listEntities(getDb(), { page: 1, perPage: 10, sort: "label", desc: false, q: a.internalName });
    expect(entities.rows).toEqual([expect.objectContaining({ id: a.id, operators: 1 })]);
  });
});
