import { sql, type SQL } from "drizzle-orm";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid[] literal for set-based statements over thousands of ids, where one bound parameter per
 * id would hit PostgreSQL's parameter limit. Every value is checked, so nothing else gets in.
 */
export function uuidArray(ids: string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${JSON.stringify(id).slice(0, 60)}`);
  return sql.raw(ids.length ? `array[${ids.map((id) => `'${id}'`).join(",")}]::uuid[]` : "'{}'::uuid[]");
}
