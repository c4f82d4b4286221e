import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GraphActivityInput } from "@/lib/workflows/graph";
import { addActivity, connect, disconnect, moveActivity, newActivity, removeActivity, transitionTargets } from "./graph-edits";
import { collectGraphErrors } from "./graph-errors";
import { autoLayout, COL_GAP, layoutGraph, NODE_H, NODE_W, PAD, ROW_GAP } from "./graph-layout";
import { WorkflowGraph, type GraphActivity } from "./workflow-graph";

const fork: GraphActivity[] = [
  { id: "q", kind: "query", label: "Targeting", next: ["la"] },
  { id: "la", kind: "local_approval", label: "Stores approve", next: ["d", "e"] },
  { id: "d", kind: "delivery", label: "Email", next: [] },
  { id: "e", kind: "end", label: "End", next: [] },
];

describe("the read-only workflow graph", () => {
  it("draws each activity with its state and each transition with the population leaving its source", () => {
    const html = renderToStaticMarkup(
      createElement(WorkflowGraph, { activities: fork, populations: { q: 12345, la: 1200 }, runState: { done: ["q"], waiting: { la: null } } }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Workflow: 4 activities, 1 done, 1 waiting, 2 not run, from Query “Targeting”. The list of activities follows."');
    // Query → Local approval carries 12,345; both transitions out of the approval carry 1,200.
    expect(html.match(/>12,345</g)).toHaveLength(1);
    expect(html.match(/>1,200</g)).toHaveLength(2);
    expect(html).toContain("<li>Query “Targeting”: Done; 12,345 contacts after it; leads to Local approval “Stores approve”.</li>");
    expect(html).toContain("<li>Local approval “Stores approve”: Waiting; 1,200 contacts after it; leads to Delivery “Email” and End “End”.</li>");
    expect(html).toContain("<li>Delivery “Email”: Not run; ends its branch.</li>");
  });

  it("says so when there is nothing to draw", () => {
    expect(renderToStaticMarkup(createElement(WorkflowGraph, { activities: [] }))).toContain("No activity yet.");
  });
});

describe("layout", () => {
  it("lays the tree out left to right, a parent level with the middle of its branches, saved positions kept", () => {
    const p = autoLayout(fork);
    const col = (n: number) => PAD + n * (NODE_W + COL_GAP);
    const row = (n: number) => PAD + n * (NODE_H + ROW_GAP);
    expect(p.get("q")).toEqual({ x: col(0), y: row(0.5) });
    expect(p.get("la")).toEqual({ x: col(1), y: row(0.5) });
    expect(p.get("d")).toEqual({ x: col(2), y: row(0) });
    expect(p.get("e")).toEqual({ x: col(2), y: row(1) });
    const saved = layoutGraph(fork.map((a) => (a.id === "e" ? { ...a, x: 900, y: 400 } : a)));
    expect(saved.positions.get("e")).toEqual({ x: 900, y: 400 });
    expect(saved.width).toBe(900 + NODE_W + PAD);
  });
});

describe("editing the graph", () => {
  const list = (): GraphActivityInput[] => fork.map((a) => ({ ...a, next: [...a.next] }));

  it("adds an activity after the selected one when that one ends its branch", () => {
    const wait = newActivity(list(), "wait", "w");
    expect(wait).toEqual({ id: "w", kind: "wait", label: "Wait", next: [], waitMinutes: 1440 });
    expect(addActivity(list(), wait, "d").find((a) => a.id === "d")!.next).toEqual(["w"]);
    expect(addActivity(list(), wait, "la").find((a) => a.id === "la")!.next).toEqual(["d", "e"]);
    expect(addActivity(list(), wait, "e").find((a) => a.id === "e")!.next).toEqual([]);
    expect(newActivity([...list(), wait], "wait").label).toBe("Wait 2");
  });

  it("connects an activity to a new predecessor only, and offers no loop", () => {
    const moved = connect(list(), "q", "d");
    expect(moved.find((a) => a.id === "q")!.next).toEqual(["la", "d"]);
    expect(moved.find((a) => a.id === "la")!.next).toEqual(["e"]);
    expect(disconnect(moved, "q", "d").find((a) => a.id === "q")!.next).toEqual(["la"]);
    expect(transitionTargets(list(), "la").map((a) => a.id)).toEqual([]);
    expect(transitionTargets(list(), "d").map((a) => a.id)).toEqual(["e"]);
    expect(transitionTargets(list(), "e")).toEqual([]);
  });

  it("removes an activity, its predecessor taking over its transitions", () => {
    expect(removeActivity(list(), "la").find((a) => a.id === "q")!.next).toEqual(["d", "e"]);
  });

  it("saves every shown position on the first move", () => {
    const shown = autoLayout(list());
    const moved = moveActivity(list(), "d", { x: 500.4, y: -3 }, shown);
    expect(moved.find((a) => a.id === "d")).toMatchObject({ x: 500, y: 0 });
    expect(moved.find((a) => a.id === "q")).toMatchObject(shown.get("q")!);
  });

  it("puts form errors on their activities by id", () => {
    const errors = { message: "Add a Query activity.", 1: { distributionId: { message: "Needs a distribution." } }, 3: { message: "Whole", reminderHours: [undefined, { message: "Hours" }] } };
    expect(collectGraphErrors(errors, list())).toEqual({ general: ["Add a Query activity."], byId: { la: { distributionId: "Needs a distribution." }, e: { _: "Whole", reminderHours: "Hours" } } });
  });
});
