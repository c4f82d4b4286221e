/** Absolute URL on the public address of the portal, for links that leave it (emails). */
export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

const ORIGIN = "http://portal.invalid";

/**
 * Keeps a post-sign-in redirect on this site. The value is resolved the way a browser would
 * (which drops tabs and newlines, and reads "\\" as "/"), and only a same-origin path survives.
 */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  try {
    const url = new URL(raw, ORIGIN);
    return url.origin === ORIGIN ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
