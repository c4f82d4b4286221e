// Personalized content for one contact (Preview, §4). Pure, so the browser and emails agree.

export type PreviewContact = { email: string; firstName: string; lastName: string; attributes: Record<string, string> };

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces each `{{name}}`: the entity's personalization values first (they are what the order
 * sets), then the contact's own fields, then its attributes. A name with no value is listed in
 * `missing` and renders empty, so the operator sees the gap before the message goes out.
 */
export function personalize(
  text: string,
  contact: PreviewContact,
  values: Record<string, string | number | boolean | null>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const own: Record<string, string> = { email: contact.email, firstName: contact.firstName, lastName: contact.lastName };
  const out = text.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name] ?? own[name] ?? contact.attributes[name];
    if (v === undefined || v === null || v === "") {
      missing.add(name);
      return "";
    }
    return typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
  });
  return { text: out, missing: [...missing] };
}
