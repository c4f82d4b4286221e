import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { predecessorOf, trunkOrder, workflowGraphSchema, type GraphActivityInput } from "./graph";

const dist = "00000000-0000-4000-8000-000000000001";
const a = (id: string, kind: GraphActivityInput["kind"], next: string[] = [], over: Partial<GraphActivityInput> = {}): GraphActivityInput => ({
  id,
  kind,
  label: id.toUpperCase(),
  next,
  ...(kind === "split" || kind === "local_approval" ? { distributionId: dist } : {}),
  ...(kind === "wait" ? { waitMinutes: 60 } : {}),
  ...over,
});

/** Query → Split → Local approval → fork: (Wait → Delivery) and (End). */
const valid = () => [
  a("q", "query", ["s"]),
  a("s", "split", ["la"]),
  a("la", "local_approval", ["w", "e"], { deadlineDays: 3, reminderHours: [24, 4] }),
  a("w", "wait", ["d"]),
  a("d", "delivery", [], { channel: "email" }),
  a("e", "end"),
];

const errors = (list: GraphActivityInput[]) => {
  const res = workflowGraphSchema.safeParse(list);
  return res.success ? {} : fieldErrorsOf(res.error);
};

describe("workflow graph rules", () => {
  it("accepts a tree rooted at the Query whose branches end", () => {
    expect(workflowGraphSchema.safeParse(valid()).success).toBe(true);
  });

  it("needs exactly one Query", () => {
    expect(errors([a("d", "delivery")])).toMatchObject({ root: "Add a Query activity: every workflow starts with its targeting." });
    const two = [a("q", "query", ["d"]), a("q2", "query", ["e"]), a("d", "delivery"), a("e", "end")];
    expect(errors(two)).toMatchObject({ "1.kind": "Query “Q2”: a workflow has exactly one Query. Remove this one or change its kind." });
  });

  it("keeps the Query as the only activity without an incoming transition", () => {
    const list = [...valid(), a("x", "end")];
    expect(errors(list)).toEqual({ "6.next": "End “X” is not connected: add a transition to it from the activity it follows." });
    const intoQuery = valid().map((x) => (x.id === "d" ? { ...x, next: ["q"] } : x));
    expect(errors(intoQuery)["0.next"]).toBe("Query “Q” starts the workflow: remove the transition to it from Delivery “D”.");
  });

  it("refuses a transition to an activity that does not exist", () => {
    const list = valid().map((x) => (x.id === "w" ? { ...x, next: ["d", "gone"] } : x));
    expect(errors(list)).toMatchObject({ "3.next": "Wait “W” leads to an activity that does not exist: remove that transition." });
  });

  it("refuses loops", () => {
    const list = [a("q", "query", ["w1"]), a("w1", "wait", ["w2"]), a("w2", "wait", ["w1", "e"]), a("e", "end")];
    expect(errors(list)["2.next"]).toMatch(/^Wait “W2” (leads back to an activity before it|follows)/);
    expect(Object.values(errors(list))).toContain("Wait “W2” leads back to an activity before it: a workflow cannot loop.");
    expect(errors([a("q", "query", ["q"])])["0.next"]).toBe("Query “Q” leads to itself: a workflow only runs forward.");
  });

  it("lets each activity follow exactly one other", () => {
    const list = [a("q", "query", ["w1", "w2"]), a("w1", "wait", ["d"]), a("w2", "wait", ["d"]), a("d", "delivery")];
    expect(errors(list)).toEqual({ "3.next": "Delivery “D” follows Wait “W1” and Wait “W2”: an activity follows exactly one other, so keep one of these transitions." });
  });

  it("places Split and Local approval before any fork", () => {
    const list = [a("q", "query", ["s", "e"]), a("s", "split", ["d"]), a("d", "delivery"), a("e", "end")];
    expect(errors(list)).toEqual({
      "1.kind": "Split “S” comes after the fork at Query “Q”: a Split or a Local approval narrows the population all branches share, so place it before any fork.",
    });
    // A Split may fork itself: the population it narrows is still the shared one.
    expect(errors([a("q", "query", ["s"]), a("s", "split", ["d", "e"]), a("d", "delivery"), a("e", "end")])).toEqual({});
    const deep = [a("q", "query", ["w1", "w2"]), a("w1", "wait", ["la"]), a("la", "local_approval", ["d"]), a("w2", "wait", ["e"]), a("d", "delivery"), a("e", "end")];
    expect(errors(deep)["2.kind"]).toMatch(/^Local approval “LA” comes after the fork at Query “Q”/);
  });

  it("needs a data distribution on Split and Local approval", () => {
    const list = valid().map((x) => (x.kind === "split" ? { ...x, distributionId: "" } : x.kind === "local_approval" ? { ...x, distributionId: undefined } : x));
    expect(errors(list)).toEqual({ "1.distributionId": "Split “S” needs a data distribution.", "2.distributionId": "Local approval “LA” needs a data distribution." });
  });

  it("needs a Wait of at least one minute", () => {
    expect(errors(valid().map((x) => (x.kind === "wait" ? { ...x, waitMinutes: 0 } : x)))).toEqual({ "3.waitMinutes": "Wait “W” needs a duration of at least 1 minute." });
    expect(errors(valid().map((x) => (x.kind === "wait" ? { ...x, waitMinutes: undefined } : x)))).toEqual({ "3.waitMinutes": "Wait “W” needs a duration of at least 1 minute." });
  });

  it("lets nothing follow an End", () => {
    const list = [a("q", "query", ["e"]), a("e", "end", ["d"]), a("d", "delivery")];
    expect(errors(list)).toEqual({ "1.next": "End “E” ends its branch: remove its transitions." });
  });

  it("ends every branch on an End or a Delivery", () => {
    const list = [a("q", "query", ["w", "e"]), a("w", "wait"), a("e", "end")];
    expect(errors(list)).toEqual({ "1.next": "Wait “W” leaves its branch unfinished: add a transition to a Delivery or an End." });
    expect(errors([a("q", "query")])).toEqual({ "0.next": "Query “Q” leaves its branch unfinished: add a transition to a Delivery or an End." });
  });

  it("checks settings: reminders before the deadline, a provider for direct mail, unique ids", () => {
    const list = valid().map((x) =>
      x.kind === "local_approval" ? { ...x, deadlineDays: 1, reminderHours: [30] } : x.kind === "delivery" ? { ...x, channel: "direct_mail" as const, providerId: "" } : x,
    );
    expect(errors(list)).toEqual({
      "2.reminderHours": "Local approval “LA”: send each reminder before the deadline, less than 24 hours before it.",
      "4.providerId": "Delivery “D” goes by direct mail: choose its service provider.",
    });
    expect(errors([...valid(), { ...a("e", "end"), label: "" }])).toMatchObject({ "6.id": "The unnamed End activity has the same id as another activity.", "6.label": "Enter a label." });
  });
});

describe("graph order", () => {
  it("lists the trunk first, then each branch in full, every activity after the one it follows", () => {
    const list = [a("e", "end"), a("d", "delivery"), a("w", "wait", ["d"]), a("la", "local_approval", ["w", "e"]), a("s", "split", ["la"]), a("q", "query", ["s"])];
    expect(trunkOrder(list).map((x) => x.id)).toEqual(["q", "s", "la", "w", "d", "e"]);
    expect(trunkOrder([...list, a("lost", "wait")]).map((x) => x.id).at(-1)).toBe("lost");
    expect(trunkOrder([a("q", "query", ["w"]), a("w", "wait", ["q"])]).map((x) => x.id)).toEqual(["q", "w"]);
  });

  it("finds the activity each one follows", () => {
    expect(predecessorOf(valid(), "w")?.id).toBe("la");
    expect(predecessorOf(valid(), "q")).toBeUndefined();
  });
});
