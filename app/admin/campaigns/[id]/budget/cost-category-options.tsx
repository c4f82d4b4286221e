import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";

export type Service = CampaignBudgetTab["services"][number];

/** The `<option>`s of a cost-category select: the services of one channel, grouped by provider. */
export function CostCategoryOptions(props: { services: Service[]; channel: Service["channel"]; providerId?: string }) {
  const shown = props.services.filter((s) => s.channel === props.channel && (!props.providerId || s.providerId === props.providerId));
  const groups = new Map<string, { name: string; items: Service[] }>();
  for (const s of shown) {
    const g = groups.get(s.providerId) ?? { name: s.providerName, items: [] };
    g.items.push(s);
    groups.set(s.providerId, g);
  }
  return (
    <>
      <option value="">None</option>
      {[...groups.entries()].map(([id, g]) => (
        <optgroup key={id} label={g.name}>
          {g.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
