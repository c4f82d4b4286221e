/** An order's personalization values as reviewers and entities read them: label, then value. */
export function ParameterRows({ parameters }: { parameters: [string, string][] }) {
  return (
    <>
      {parameters.map(([label, value], i) => (
        <div key={i} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </>
  );
}
