// Checks a value against a shape of a botocore service model (service-2.json): required members,
// unknown members, types, enums, lengths, ranges and patterns. Used by the tests to prove that a
// generated request is one the API accepts as far as its model can say.
export interface ModelShape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

export interface ServiceModelJson {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

export function checkAgainstModel(model: ServiceModelJson, shapeName: string, value: unknown, path = "$"): string[] {
  const shape = model.shapes[shapeName];
  if (!shape) return [`${path}: unknown shape ${shapeName}`];
  const errors: string[] = [];
  const fail = (m: string) => errors.push(`${path}: ${m}`);
  const inRange = (n: number, what: string) => {
    if (shape.min !== undefined && n < shape.min) fail(`${what} ${n} is below ${shape.min}`);
    if (shape.max !== undefined && n > shape.max) fail(`${what} ${n} is above ${shape.max}`);
  };
  switch (shape.type) {
    case "structure": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: expected an object`];
      const obj = value as Record<string, unknown>;
      for (const r of shape.required ?? []) if (obj[r] === undefined) fail(`missing required member ${r}`);
      for (const [k, v] of Object.entries(obj)) {
        const m = shape.members?.[k];
        if (!m) fail(`unknown member ${k}`);
        else if (v !== undefined) errors.push(...checkAgainstModel(model, m.shape, v, `${path}.${k}`));
      }
      break;
    }
    case "list":
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      inRange(value.length, "length");
      value.forEach((v, i) => errors.push(...checkAgainstModel(model, shape.member!.shape, v, `${path}[${i}]`)));
      break;
    case "map":
      if (typeof value !== "object" || value === null) return [`${path}: expected a map`];
      for (const [k, v] of Object.entries(value)) {
        errors.push(...checkAgainstModel(model, shape.key!.shape, k, `${path}{key}`), ...checkAgainstModel(model, shape.value!.shape, v, `${path}.${k}`));
      }
      break;
    case "string":
      if (typeof value !== "string") return [`${path}: expected a string`];
      if (shape.enum && !shape.enum.includes(value)) fail(`${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`);
      inRange(value.length, "length");
      if (shape.pattern && !new RegExp(`^(?:${shape.pattern})$`, "u").test(value)) fail(`${JSON.stringify(value)} does not match ${shape.pattern}`);
      break;
    case "integer":
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value)) return [`${path}: expected an integer`];
      inRange(value, "value");
      break;
    case "boolean":
      if (typeof value !== "boolean") fail("expected a boolean");
      break;
    case "double":
    case "float":
      if (typeof value !== "number") fail("expected a number");
      break;
    default:
      fail(`shape type ${shape.type} not checked`);
  }
  return errors;
}
