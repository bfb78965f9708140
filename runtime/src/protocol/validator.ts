import type { ServiceModel, Shape } from "./aws-model.js";

/** Why an input was refused, already phrased the way AWS phrases it. */
export interface ValidationFailure {
  /** `SerializationException` for wrong JSON types, otherwise the API's validation error name. */
  type: string;
  message: string;
}

export interface ValidatorOptions {
  /** App Runner: InvalidRequestException; CloudWatch: InvalidParameterValueException; Logs: InvalidParameterException. */
  validationErrorType: string;
}

const MAX_LISTED = 10;

/**
 * Validates request input against a botocore model, generically: required members, string length, pattern
 * (matched against the whole value, as AWS's Java validators do), enum, numeric ranges, list/map sizes, nested
 * structures. Unknown members are ignored, as AWS ignores them.
 */
export class ModelValidator {
  private readonly patterns = new Map<string, RegExp>();

  constructor(
    private readonly model: ServiceModel,
    private readonly options: ValidatorOptions,
  ) {}

  /** Validates the input of an operation by name; undefined when the input is acceptable. */
  validateOperation(operation: string, input: unknown): ValidationFailure | undefined {
    const shape = this.model.operations[operation]?.input?.shape;
    return shape ? this.validate(shape, input) : undefined;
  }

  validate(shapeName: string, input: unknown): ValidationFailure | undefined {
    const violations: string[] = [];
    const typeError = this.walk(shapeName, input ?? {}, "", violations);
    if (typeError) return { type: "SerializationException", message: typeError };
    if (violations.length === 0) return undefined;
    const count = violations.length;
    const listed = violations.slice(0, MAX_LISTED).join("; ");
    return {
      type: this.options.validationErrorType,
      message: `${count} validation error${count === 1 ? "" : "s"} detected: ${listed}`,
    };
  }

  /** Returns a serialization problem (wrong JSON type), or records constraint violations. */
  private walk(shapeName: string, value: unknown, at: string, out: string[]): string | undefined {
    const shape = this.model.shapes[shapeName];
    if (!shape || value === null || value === undefined) return undefined;
    const where = at || "input";
    switch (shape.type) {
      case "structure": {
        if (!isObject(value)) return `Expected an object at '${where}' (${shapeName})`;
        for (const name of shape.required ?? []) {
          if (value[name] === undefined || value[name] === null) out.push(`Value null at '${join(at, name)}' failed to satisfy constraint: Member must not be null`);
        }
        for (const [name, ref] of Object.entries(shape.members ?? {})) {
          if (value[name] === undefined) continue;
          const err = this.walk(ref.shape, value[name], join(at, name), out);
          if (err) return err;
        }
        return undefined;
      }
      case "list": {
        if (!Array.isArray(value)) return `Expected a list at '${where}' (${shapeName})`;
        this.size(shape, value.length, where, value, out);
        for (let i = 0; i < value.length; i++) {
          const err = this.walk(shape.member?.shape ?? "", value[i], `${where}.${i + 1}.member`, out);
          if (err) return err;
        }
        return undefined;
      }
      case "map": {
        if (!isObject(value)) return `Expected a map at '${where}' (${shapeName})`;
        const entries = Object.entries(value);
        this.size(shape, entries.length, where, value, out);
        for (const [k, v] of entries) {
          const keyErrors: string[] = [];
          this.walk(shape.key?.shape ?? "", k, `${where}.key`, keyErrors);
          for (const e of keyErrors) out.push(e.replace("Member must", "Map keys must"));
          const err = this.walk(shape.value?.shape ?? "", v, `${where}.${k}`, out);
          if (err) return err;
        }
        return undefined;
      }
      case "string": {
        if (typeof value !== "string") return `Expected a string at '${where}', got ${typeof value}`;
        const shown = this.show(shapeName, value);
        this.size(shape, value.length, where, shown, out);
        if (shape.enum && !shape.enum.includes(value)) {
          out.push(`Value ${shown} at '${where}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
        }
        if (shape.pattern && !this.regex(shape.pattern).test(value)) {
          out.push(`Value ${shown} at '${where}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.pattern}`);
        }
        return undefined;
      }
      case "integer":
      case "long":
      case "double":
      case "float": {
        if (typeof value !== "number" || !Number.isFinite(value)) return `Expected a number at '${where}', got ${JSON.stringify(value)}`;
        if ((shape.type === "integer" || shape.type === "long") && !Number.isInteger(value)) return `Expected an integer at '${where}', got ${value}`;
        if (shape.min !== undefined && value < shape.min) out.push(`Value '${value}' at '${where}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`);
        if (shape.max !== undefined && value > shape.max) out.push(`Value '${value}' at '${where}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`);
        return undefined;
      }
      case "boolean":
        return typeof value === "boolean" ? undefined : `Expected a boolean at '${where}', got ${JSON.stringify(value)}`;
      case "timestamp":
        return typeof value === "number" || (typeof value === "string" && !Number.isNaN(Date.parse(value))) ? undefined : `Expected a timestamp at '${where}'`;
      case "blob":
        return typeof value === "string" ? undefined : `Expected base64 data at '${where}'`;
      default:
        return undefined;
    }
  }

  private size(shape: Shape, length: number, where: string, shown: unknown, out: string[]): void {
    const value = typeof shown === "string" ? shown : Array.isArray(shown) || isObject(shown) ? `'[...]'` : String(shown);
    if (shape.min !== undefined && length < shape.min) out.push(`Value ${value} at '${where}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`);
    if (shape.max !== undefined && length > shape.max) out.push(`Value ${value} at '${where}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
  }

  private show(shapeName: string, value: string): string {
    const sensitive = (this.model.shapes[shapeName] as { sensitive?: boolean } | undefined)?.sensitive;
    return sensitive ? "'*** Sensitive Data Redacted ***'" : `'${value.length > 200 ? `${value.slice(0, 200)}...` : value}'`;
  }

  private regex(pattern: string): RegExp {
    let re = this.patterns.get(pattern);
    if (!re) {
      // Java patterns translate as-is for everything the three models use; anchored because AWS matches the whole value.
      re = new RegExp(`^(?:${pattern})$`, "s");
      this.patterns.set(pattern, re);
    }
    return re;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** AWS names members in lowerCamelCase in validation messages (`sourceConfiguration.codeRepository`). */
function join(at: string, member: string): string {
  const name = member.charAt(0).toLowerCase() + member.slice(1);
  return at ? `${at}.${name}` : name;
}
