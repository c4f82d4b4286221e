import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./urls";

describe("post-sign-in redirect", () => {
  it.each([
    ["/portal/paris-nord/contacts?page=2", "/portal/paris-nord/contacts?page=2"],
    ["/admin", "/admin"],
  ])("keeps the site path %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each(["//evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "https://evil.com", "evil.com", "", "/%09/evil.com"])(
    "sends %j home instead of off-site",
    (raw) => {
      const out = safeCallbackPath(raw);
      expect(new URL(out, "http://portal.test").origin).toBe("http://portal.test");
    },
  );

  it("ignores a repeated or missing parameter", () => {
    expect(safeCallbackPath(["/a", "/b"])).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});
