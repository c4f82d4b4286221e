import type { OrderDetailsForm } from "./parameters";

// Orders carry files, so the wizard sends FormData: the plain values as one JSON part, each file
// personalization field as `file:<name>`, and the documents as `document` parts. The server turns
// it back into the object the shared zod schema parses.

export function toOrderFormData(envelope: Record<string, string | string[]>, values: OrderDetailsForm): FormData {
  const form = new FormData();
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values.parameters)) {
    if (value instanceof File) form.append(`file:${name}`, value);
    else parameters[name] = value;
  }
  form.append("payload", JSON.stringify({ ...envelope, label: values.label, comment: values.comment, reviewerIds: values.reviewerIds, parameters }));
  for (const doc of values.documents) form.append("document", doc);
  return form;
}

export function fromOrderFormData(form: FormData): Record<string, unknown> {
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(String(form.get("payload") ?? "{}"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
  } catch {
    // Malformed JSON becomes an empty request, which the schema then refuses field by field.
  }
  const parameters: Record<string, unknown> = payload.parameters && typeof payload.parameters === "object" ? { ...(payload.parameters as object) } : {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("file:") && value instanceof File) parameters[key.slice(5)] = value;
  }
  const documents = form.getAll("document").filter((d): d is File => d instanceof File);
  return { ...payload, parameters, documents };
}
