// The one look of every email the portal sends.

export type Rendered = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type Action = { label: string; url: string };

export function layout(title: string, paragraphs: string[], action: Action | Action[], footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`).join("");
  const buttons = (Array.isArray(action) ? action : [action])
    .map((a, i) => `<a href="${escapeHtml(a.url)}" style="background:${i ? "#fff" : "#1d4ed8"};color:${i ? "#1d4ed8" : "#fff"};border:1px solid #1d4ed8;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block;margin:0 8px 8px 0">${escapeHtml(a.label)}</a>`)
    .join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937;background:#f8fafc;padding:24px">
<div style="max-width:560px;margin:auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:24px">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(title)}</h1>${body}
<p style="margin:20px 0">${buttons}</p>
<p style="font-size:12px;color:#6b7280;margin:0">${escapeHtml(footer)}</p></div></body></html>`;
}
