import { escapeHtml } from "../notifications/templates";
import type { CaughtMessage } from "./catcher";

/** The catcher's single HTML page: the inbox on the left, the selected message on the right. */
export function catcherPage(messages: CaughtMessage[], selectedId: number): string {
  const selected = messages.find((m) => m.id === selectedId) ?? messages[0];
  const rows = messages
    .map(
      (m) => `<a class="row${m === selected ? " on" : ""}" href="/?id=${m.id}">
<div class="to">${escapeHtml(m.to.join(", "))}</div><div class="subj">${escapeHtml(m.subject)}</div>
<div class="when">${escapeHtml(new Date(m.receivedAt).toLocaleString())}</div></a>`,
    )
    .join("");
  const detail = selected
    ? `<header><h2>${escapeHtml(selected.subject)}</h2><p>From ${escapeHtml(selected.from)} to ${escapeHtml(selected.to.join(", "))}</p></header>
<iframe sandbox title="Message body" src="/messages/${selected.id}/html"></iframe>`
    : `<p class="empty">No email yet. Messages sent by the portal appear here.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail catcher · Distributed Marketing</title>
<meta http-equiv="refresh" content="15">
<style>
body{margin:0;font-family:system-ui,sans-serif;color:#1f2937;display:grid;grid-template-columns:360px 1fr;height:100vh}
nav{border-right:1px solid #e5e7eb;overflow:auto;background:#f8fafc}nav h1{font-size:15px;margin:0;padding:14px 16px;border-bottom:1px solid #e5e7eb}
.row{display:block;padding:10px 16px;border-bottom:1px solid #e5e7eb;color:inherit;text-decoration:none}.row.on{background:#dbeafe}
.to{font-size:12px;color:#6b7280}.subj{font-weight:600;font-size:14px}.when{font-size:11px;color:#9ca3af}
main{display:flex;flex-direction:column;min-width:0}header{padding:12px 20px;border-bottom:1px solid #e5e7eb}
header h2{margin:0;font-size:16px}header p{margin:4px 0 0;font-size:13px;color:#6b7280}
iframe{flex:1;border:0;width:100%}.empty{padding:24px;color:#6b7280}
</style></head><body><nav><h1>Inbox (${messages.length})</h1>${rows}</nav><main>${detail}</main></body></html>`;
}
