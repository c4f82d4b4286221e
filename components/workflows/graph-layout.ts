import { trunkOrder } from "@/lib/workflows/graph";

// Where each activity of a workflow graph is drawn: its saved x/y, else a layered left-to-right
// layout of the tree (one column per step from the Query, one row per branch).

export const NODE_W = 184;
export const NODE_H = 60;
export const COL_GAP = 88;
export const ROW_GAP = 28;
export const PAD = 16;

export type Point = { x: number; y: number };
export type LayoutNode = { id: string; next: string[]; x?: number; y?: number };
export type GraphLayout = { positions: Map<string, Point>; width: number; height: number };

/** The computed layout, ignoring saved positions: what "Arrange automatically" returns to. */
export function autoLayout(activities: readonly LayoutNode[]): Map<string, Point> {
  const order = trunkOrder(activities);
  const byId = new Map(activities.map((a) => [a.id, a]));
  const placed = new Map<string, { depth: number; row: number }>();
  let nextRow = 0;
  // Depth first: a leaf takes the next free row, a parent sits level with the middle of its children.
  const place = (id: string, depth: number): number => {
    placed.set(id, { depth, row: -1 });
    const children = (byId.get(id)?.next ?? []).filter((n) => byId.has(n) && !placed.has(n));
    const rows: number[] = [];
    for (const c of children) if (!placed.has(c)) rows.push(place(c, depth + 1));
    const row = rows.length ? (rows[0]! + rows[rows.length - 1]!) / 2 : nextRow++;
    placed.set(id, { depth, row });
    return row;
  };
  for (const a of order) if (!placed.has(a.id)) place(a.id, 0);
  const out = new Map<string, Point>();
  for (const [id, { depth, row }] of placed) out.set(id, { x: PAD + depth * (NODE_W + COL_GAP), y: PAD + row * (NODE_H + ROW_GAP) });
  return out;
}

export function layoutGraph(activities: readonly LayoutNode[]): GraphLayout {
  const auto = autoLayout(activities);
  const positions = new Map<string, Point>();
  for (const a of activities) positions.set(a.id, a.x !== undefined && a.y !== undefined ? { x: a.x, y: a.y } : auto.get(a.id)!);
  let width = 0;
  let height = 0;
  for (const p of positions.values()) {
    width = Math.max(width, p.x + NODE_W + PAD);
    height = Math.max(height, p.y + NODE_H + PAD);
  }
  return { positions, width: Math.max(width, NODE_W + 2 * PAD), height: Math.max(height, NODE_H + 2 * PAD) };
}

/** A transition: from the right of its source to the left of its target, with where its label sits. */
export function edgeGeometry(from: Point, to: Point): { d: string; label: Point } {
  const p0 = { x: from.x + NODE_W, y: from.y + NODE_H / 2 };
  const p3 = { x: to.x, y: to.y + NODE_H / 2 };
  const bend = Math.max(40, Math.abs(p3.x - p0.x) / 2);
  const p1 = { x: p0.x + bend, y: p0.y };
  const p2 = { x: p3.x - bend, y: p3.y };
  const at = (a: number, b: number, c: number, d: number) => (a + 3 * b + 3 * c + d) / 8;
  return {
    d: `M ${p0.x} ${p0.y} C ${p1.x} ${p1.y}, ${p2.x} ${p2.y}, ${p3.x} ${p3.y}`,
    label: { x: at(p0.x, p1.x, p2.x, p3.x), y: at(p0.y, p1.y, p2.y, p3.y) },
  };
}
