import { getSql } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral } from "@/lib/authz";
import { expenseExportQuerySchema } from "@/lib/budgets/budget-schemas";
import { expenseLinesCsv } from "@/lib/budgets/expense-export";
import { csvDownload } from "@/lib/csv-response";
import { AppError } from "@/lib/errors";

/**
 * The expense lines as a CSV download (?budgetId=…&campaignId=…, both optional), streamed batch by
 * batch from a server-side cursor: central operators only. Without a session the answer is 401; a
 * local operator gets the 404 the whole admin area gives them; a malformed filter, 400.
 */
export async function GET(req: Request) {
  try {
    requireCentral(await getCurrentActor());
  } catch (err) {
    return new Response("Not found", { status: err instanceof AppError && err.code === "unauthenticated" ? 401 : 404 });
  }
  // An empty parameter (a form's "all") means no filter.
  const params = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = expenseExportQuerySchema.safeParse(params);
  if (!parsed.success) return new Response(parsed.error.issues.map((i) => i.message).join("\n"), { status: 400 });

  return csvDownload(expenseLinesCsv(getSql(), parsed.data), { name: "expense-lines", what: "expense lines" });
}
