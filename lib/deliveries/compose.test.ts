import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPreview } from "./compose";
import { renderMessage } from "./render";

// The delivery page's live preview runs compose.ts in the browser: it must be the proof the server
// renders, and nothing it loads may need node (tracking.ts signs links with node:crypto).

describe("the browser preview", () => {
  const contact = { email: "ann@example.test", firstName: "<b>Ann</b>", lastName: "Test", attributes: { city: "Lille" } };
  const content = { subject: "Hi {{firstName}}", body: "Dear {{firstName}} of {{city}},\n\nSee https://example.com/?a=1&b=2 {{storeName}} {{nothing}}" };

  it("is exactly what a proof renders", () => {
    const values = { storeName: "<Centre>" };
    expect(renderPreview(content, contact, values)).toEqual(renderMessage(content, contact, values, null));
    expect(renderPreview(content, contact, values).missing).toEqual(["nothing"]);
  });

  it("loads no node module", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, "utf8");
      expect(src, file).not.toMatch(/from ["']node:|require\(["']node:|from ["'](crypto|fs|path)["']/);
      for (const [, spec] of src.matchAll(/^import (?!type )[^;]*? from ["'](@\/[^"']+|\.{1,2}\/[^"']+)["']/gm)) {
        const base = spec!.startsWith("@/") ? path.join(root, spec!.slice(2)) : path.resolve(path.dirname(file), spec!);
        visit(`${base}.ts`);
      }
    };
    visit(path.join(root, "lib/deliveries/compose.ts"));
    expect([...seen].map((f) => path.relative(root, f)).sort()).toEqual(["lib/campaigns/preview.ts", "lib/deliveries/compose.ts", "lib/notifications/layout.ts"]);
  });
});
