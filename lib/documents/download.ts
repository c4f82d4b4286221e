/** A stored file as a download: never rendered inline, so an uploaded HTML file cannot run in our origin. */
export function downloadResponse(doc: { fileName: string; data: Buffer }): Response {
  return new Response(new Uint8Array(doc.data), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
