// A pg Pool for Prisma's schema engine (migrate deploy/status/diff through the JS engine).
// The engine reads PostgreSQL's catalogs, whose identifiers have the `name` type (and a few
// `"char"` columns); @prisma/adapter-pg 6.19 cannot deserialize those ("Column type 'name'
// could not be deserialized") although pg already hands their values over as strings. So
// this pool reports them as text. Only the CLI uses it; the console's client never reads
// catalog columns.
import pg from "pg";

const AS_TEXT = new Set([18 /* "char" */, 19 /* name */, 194 /* pg_node_tree */]);
const TEXT = 25;

type Result = { fields?: { dataTypeID: number }[] };

function asText<T>(result: T): T {
  for (const r of Array.isArray(result) ? (result as Result[]) : [result as Result]) {
    for (const f of r?.fields ?? []) if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT;
  }
  return result;
}

export function migrationPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      // pg.Pool#query calls the client with a callback; direct callers get a promise.
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") args[last] = (err: unknown, res: unknown) => callback(err, err ? res : asText(res));
      const out = query(...args);
      return out instanceof Promise ? out.then(asText) : out;
    };
  });
  return pool;
}
