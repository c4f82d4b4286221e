import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db";
import { campaigns, deliveries, deliveryFiles } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { twoTenants, uniq } from "../testing/factories";

// The route reads the session from the request; here the test says who is asking.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));
const { GET } = await import("../../app/admin/providers/deliveries/[id]/file/route");

const download = (id: string) => GET(new Request(`http://portal.test/admin/providers/deliveries/${id}/file`), { params: Promise.resolve({ id }) });

describe("extraction file download", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let deliveryId: string;
  beforeAll(async () => {
    t = await twoTenants();
    const [campaign] = await getDb().insert(campaigns).values({ label: uniq("C"), internalName: uniq("c") }).returning();
    const [d] = await getDb().insert(deliveries).values({ campaignId: campaign!.id, label: "Letters", channel: "direct_mail", status: "file_to_approve" }).returning();
    deliveryId = d!.id;
    await getDb().insert(deliveryFiles).values({ deliveryId, fileName: "Letters 2030.csv", data: "email\r\nzoé@example.test\r\n", rowCount: 1 });
  });

  it("gives the file to central operators as an attachment, and nothing to anyone else", async () => {
    session.actor = t.central;
    const res = await download(deliveryId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''Letters%202030.csv");
    expect(await res.text()).toBe("email\r\nzoé@example.test\r\n");

    expect((await download("not-a-uuid")).status).toBe(404);
    expect((await download("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    session.actor = t.opA;
    expect((await download(deliveryId)).status).toBe(404);
    session.actor = null;
    expect((await download(deliveryId)).status).toBe(401);
  });
});
