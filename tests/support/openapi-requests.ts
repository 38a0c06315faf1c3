/** The parts of an OpenAPI document the request generator reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { parameters?: readonly { name: string; in: string; required?: boolean; schema?: { enum?: readonly string[] } }[] }>>;
}

/**
 * Parameter values to try, by parameter name or, for one operation only, by "<path template> <name>"
 * (path parameters named alike mean different things on different paths). `undefined` means
 * "leave the parameter out". Values outside a parameter's enum are dropped for that operation.
 */
export type ValuePools = Record<string, readonly (string | undefined)[]>;

/**
 * Concrete GET URLs for every operation of an OpenAPI document. Parameters named in `crossed`
 * (path parameters always) take every combination of their pool values; every other parameter
 * with a pool is varied one at a time on top of the first combination, so scope-relevant
 * parameters are covered exhaustively without a combinatorial explosion of the rest.
 */
export function requestsFromOpenApi(doc: OpenApiDocument, pools: ValuePools, crossed: ReadonlySet<string>): string[] {
  const urls = new Set<string>();
  for (const [template, operations] of Object.entries(doc.paths)) {
    const operation = operations.get;
    if (!operation) continue;
    const parameters = operation.parameters ?? [];
    const valuesOf = (p: (typeof parameters)[number]) => {
      const pool = pools[`${template} ${p.name}`] ?? pools[p.name] ?? (p.schema?.enum ? [undefined, ...p.schema.enum] : [undefined]);
      const allowed = pool.filter((v) => v === undefined || !p.schema?.enum || p.schema.enum.includes(v));
      return p.required ? allowed.filter((v) => v !== undefined) : allowed;
    };
    const crossedParameters = parameters.filter((p) => p.in === 'path' || crossed.has(p.name));
    const variedParameters = parameters.filter((p) => !crossedParameters.includes(p));
    const combinations = crossedParameters.reduce<Record<string, string | undefined>[]>((acc, p) => acc.flatMap((combo) => valuesOf(p).map((v) => ({ ...combo, [p.name]: v }))), [{}]);
    const build = (values: Record<string, string | undefined>) => {
      let path = template;
      const query = new URLSearchParams();
      for (const p of parameters) {
        const v = values[p.name];
        if (v === undefined) continue;
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(v));
        else query.set(p.name, v);
      }
      return query.size > 0 ? `${path}?${query}` : path;
    };
    for (const combo of combinations) urls.add(build(combo));
    const base = combinations[0]!;
    for (const p of variedParameters) for (const v of valuesOf(p)) urls.add(build({ ...base, [p.name]: v }));
  }
  return [...urls];
}
