import { describe, expect, it } from "vitest";
import { transportUrl } from "./transport";

describe("transportUrl", () => {
  it("pools 20 connections when SMTP_URL says nothing, and leaves options written in it alone", () => {
    expect(transportUrl("smtp://relay.test:587")).toBe("smtp://relay.test:587?pool=true&maxConnections=20");
    expect(transportUrl("smtp://relay.test:587?pool=true&maxConnections=3")).toBe("smtp://relay.test:587?pool=true&maxConnections=3");
    expect(transportUrl("smtps://u:p@relay.test?secure=true")).toBe("smtps://u:p@relay.test?secure=true");
  });
});
