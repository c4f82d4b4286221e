"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { Option } from "./budget-select";
import { PlanForm } from "./plan-form";
import { ProgramForm, type EditedProgram } from "./program-form";

export function EditPlanButton(props: { plan: { id: string; label: string; budgetId: string | null }; budgets: Option[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit plan “${props.plan.label}”`}
      trigger={
        <Button type="button" variant="ghost" size="sm" aria-label={`Edit plan ${props.plan.label}`}>
          Edit
        </Button>
      }
    >
      <PlanForm plan={props.plan} budgets={props.budgets} onSaved={() => setOpen(false)} />
    </Dialog>
  );
}

export function EditProgramButton(props: { program: EditedProgram; plans: Option[]; budgets: Option[] }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit program “${props.program.label}”`}
      trigger={
        <Button type="button" variant="ghost" size="sm" aria-label={`Edit program ${props.program.label}`}>
          Edit
        </Button>
      }
    >
      <ProgramForm program={props.program} plans={props.plans} budgets={props.budgets} onSaved={() => setOpen(false)} />
    </Dialog>
  );
}
