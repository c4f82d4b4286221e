/** The `<option>`s of a select over a fixed set of values (a status), in the schema's order. */
export function LabelledOptions<V extends string>(props: { values: readonly V[]; labels: Record<V, string> }) {
  return props.values.map((v) => (
    <option key={v} value={v}>
      {props.labels[v]}
    </option>
  ));
}

/** The `<option>`s of an optional choice among rows: "None" is the empty value the schemas read as no link. */
export function OptionalOptions<T extends { id: string }>(props: { items: readonly T[] | null; label: (item: T) => string }) {
  return (
    <>
      <option value="">None</option>
      {props.items?.map((item) => (
        <option key={item.id} value={item.id}>
          {props.label(item)}
        </option>
      ))}
    </>
  );
}
