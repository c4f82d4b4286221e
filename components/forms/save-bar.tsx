import { Button } from "@/components/ui/button";
import { FormSuccess } from "@/components/ui/field";

/** Save for a form that stays on its page: the button, and "Saved." once it is. */
export function SaveBar({ pending, saved }: { pending: boolean; saved: boolean }) {
  return (
    <div className="flex items-center justify-end gap-3">
      {saved ? <FormSuccess message="Saved." /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </div>
  );
}
