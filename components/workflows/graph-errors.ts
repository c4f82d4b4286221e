// react-hook-form keeps the graph's errors by position (activities.3.distributionId) whether they
// come from the schema or from the server; the editor shows them by activity, which it knows by id.

/** Messages about the whole graph, and each activity's by field (`_` for the activity itself). */
export type GraphErrors = { general: string[]; byId: Record<string, Record<string, string>> };

const SKIP = new Set(["message", "type", "types", "ref", "root"]);

function messageOf(v: unknown): string | undefined {
  if (!v || typeof v !== "object") return undefined;
  const m = (v as { message?: unknown }).message;
  return typeof m === "string" && m ? m : undefined;
}

/** The first message in a nested error (reminderHours.1, say). */
function firstMessage(v: unknown, depth = 0): string | undefined {
  const own = messageOf(v);
  if (own || depth > 2 || !v || typeof v !== "object") return own;
  for (const [k, child] of Object.entries(v)) {
    if (SKIP.has(k)) continue;
    const m = firstMessage(child, depth + 1);
    if (m) return m;
  }
  return undefined;
}

export function collectGraphErrors(error: unknown, activities: readonly { id: string }[]): GraphErrors {
  const out: GraphErrors = { general: [], byId: {} };
  if (!error || typeof error !== "object") return out;
  const e = error as Record<string, unknown>;
  for (const m of [messageOf(e), messageOf(e.root)]) if (m && !out.general.includes(m)) out.general.push(m);
  for (const [key, item] of Object.entries(e)) {
    if (!/^\d+$/.test(key) || !item || typeof item !== "object") continue;
    const id = activities[Number(key)]?.id;
    const fields: Record<string, string> = {};
    const own = messageOf(item);
    if (own) fields._ = own;
    for (const [field, v] of Object.entries(item)) {
      if (SKIP.has(field)) continue;
      const m = firstMessage(v);
      if (m) fields[field] = m;
    }
    if (!Object.keys(fields).length) continue;
    if (id) out.byId[id] = fields;
    else out.general.push(...Object.values(fields).filter((m) => !out.general.includes(m)));
  }
  return out;
}
