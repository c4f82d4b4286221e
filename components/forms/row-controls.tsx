"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** Move up, move down and remove, for one row of an ordered list in a form; `noun` names the row for screen readers. */
export function RowControls(props: { noun: string; index: number; count: number; move: (from: number, to: number) => void; remove: (i: number) => void; removeText?: string; className?: string }) {
  const { noun, index: i } = props;
  return (
    <div className={cn("flex gap-1", props.className)}>
      <Button type="button" variant="ghost" size="sm" aria-label={`Move ${noun} ${i + 1} up`} disabled={i === 0} onClick={() => props.move(i, i - 1)}>
        <ArrowUp className="size-4" aria-hidden />
      </Button>
      <Button type="button" variant="ghost" size="sm" aria-label={`Move ${noun} ${i + 1} down`} disabled={i === props.count - 1} onClick={() => props.move(i, i + 1)}>
        <ArrowDown className="size-4" aria-hidden />
      </Button>
      <Button type="button" variant="ghost" size="sm" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => props.remove(i)}>
        <Trash2 className="size-4" aria-hidden />
        {props.removeText ? ` ${props.removeText}` : null}
      </Button>
    </div>
  );
}
