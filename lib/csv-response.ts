/**
 * A CSV download streamed from `chunks` (each already CSV text, the first with its byte-order mark),
 * named `${name}-YYYY-MM-DD.csv`. The stream pulls one chunk at a time, so a large export never sits
 * whole in memory; `what` names the export in the server log when a chunk fails.
 */
export function csvDownload(chunks: AsyncGenerator<string>, opts: { name: string; what: string }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        console.error(`${opts.what} export failed`, err);
        controller.error(err);
      }
    },
    // The download was abandoned: closing the generator lets it release its cursor and connection.
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${opts.name}-${date}.csv"`,
      "x-content-type-options": "nosniff",
      // Exports hold an entity's or the central team's data: never in a shared cache.
      "cache-control": "private, no-store",
    },
  });
}
