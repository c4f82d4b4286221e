import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The end of an edit form: Cancel goes back to the list, the submit says what it will do. */
export function FormFooter(props: { cancelHref: string; pending: boolean; submitLabel: string }) {
  return (
    <div className="flex justify-end gap-2">
      <Button asChild variant="secondary">
        <Link href={props.cancelHref}>Cancel</Link>
      </Button>
      <Button type="submit" disabled={props.pending}>
        {props.pending ? "Saving…" : props.submitLabel}
      </Button>
    </div>
  );
}
