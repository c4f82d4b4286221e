"use client";

import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { activityName, type GraphActivityInput } from "@/lib/workflows/graph";
import { ArrowMarker, GraphEdge, GraphNode } from "./graph-parts";
import { layoutGraph, NODE_H, NODE_W, type Point } from "./graph-layout";

const GRID = 8;
const snap = (n: number) => Math.max(0, Math.round(n / GRID) * GRID);

type Drag = { id: string; pointerId: number; dx: number; dy: number; at: Point; moved: boolean };

/**
 * The editor's drawing. Each activity is a button: click or Enter selects it; drag it, or use
 * the arrow keys once it has focus (Shift for larger steps), to move it. A move is handed on
 * when the pointer is released, so that the form is not revalidated on every pixel.
 */
export function EditorCanvas(props: {
  id: string;
  activities: GraphActivityInput[];
  selectedId?: string;
  invalidIds: Set<string>;
  onSelect: (id: string) => void;
  onMove: (id: string, to: Point, shown: Map<string, Point>) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const layout = layoutGraph(props.activities);
  const shown = new Map(layout.positions);
  if (drag?.moved) shown.set(drag.id, drag.at);
  const byId = new Map(props.activities.map((a) => [a.id, a]));
  // Room to drag activities further right or down than the drawing reaches.
  const width = layout.width + NODE_W;
  const height = layout.height + NODE_H * 2;

  const toSvg = (e: PointerEvent): Point => {
    const svg = svgRef.current;
    const m = svg?.getScreenCTM();
    if (!svg || !m) return { x: e.clientX, y: e.clientY };
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };

  const onPointerDown = (e: PointerEvent<SVGGElement>, id: string) => {
    if (e.button !== 0) return;
    props.onSelect(id);
    const p = toSvg(e);
    const at = layout.positions.get(id)!;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id, pointerId: e.pointerId, dx: p.x - at.x, dy: p.y - at.y, at, moved: false });
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const p = toSvg(e);
    const at = { x: snap(p.x - drag.dx), y: snap(p.y - drag.dy) };
    if (at.x !== drag.at.x || at.y !== drag.at.y) setDrag({ ...drag, at, moved: true });
  };
  const onPointerUp = (e: PointerEvent<SVGGElement>) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (drag.moved) props.onMove(drag.id, drag.at, layout.positions);
    setDrag(null);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, id: string) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onSelect(id);
      return;
    }
    const step = e.shiftKey ? GRID * 5 : GRID;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!delta) return;
    e.preventDefault();
    const at = layout.positions.get(id)!;
    props.onMove(id, { x: snap(at.x + delta[0]!), y: snap(at.y + delta[1]!) }, layout.positions);
  };

  return (
    <div className="overflow-auto rounded-md border border-slate-200 bg-slate-50">
      <svg ref={svgRef} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block select-none" role="group" aria-label="Workflow drawing">
        <ArrowMarker id={`${props.id}-arrow`} />
        {props.activities.flatMap((a) =>
          a.next.filter((n) => byId.has(n)).map((n) => <GraphEdge key={`${a.id}>${n}`} from={shown.get(a.id)!} to={shown.get(n)!} markerId={`${props.id}-arrow`} />),
        )}
        {props.activities.map((a) => {
          const invalid = props.invalidIds.has(a.id);
          return (
            <GraphNode
              key={a.id}
              activity={a}
              at={shown.get(a.id)!}
              selected={a.id === props.selectedId}
              invalid={invalid}
              role="button"
              tabIndex={0}
              aria-pressed={a.id === props.selectedId}
              aria-label={`${activityName(a)}${invalid ? ", has problems" : ""}`}
              style={{ touchAction: "none" }}
              className={drag?.id === a.id ? "cursor-grabbing" : "cursor-grab"}
              onPointerDown={(e) => onPointerDown(e, a.id)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={(e) => onKeyDown(e, a.id)}
            />
          );
        })}
      </svg>
    </div>
  );
}
