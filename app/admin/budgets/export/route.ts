import { getSql } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral } from "@/lib/authz";
import { expenseExportQuerySchema } from "@/lib/budgets/budget-schemas";
import { expenseLinesCsv } from "@/lib/budgets/expense-export";
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

  const chunks = expenseLinesCsv(getSql(), parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        console.error("expense lines export failed", err);
        controller.error(err);
      }
    },
    // The download was abandoned: closing the generator closes the cursor and frees its connection.
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="expense-lines-${date}.csv"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
