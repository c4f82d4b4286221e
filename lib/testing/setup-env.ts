import { afterAll, inject } from "vitest";
import { closeDb } from "../../db";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_URL ??= "http://portal.test";

afterAll(async () => {
  await closeDb();
});
