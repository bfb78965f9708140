import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The subset of a botocore service model (service-2.json) the runtime reads. */
export interface ShapeRef {
  shape: string;
  locationName?: string;
}

export interface Shape {
  type: "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "double" | "float" | "timestamp" | "blob";
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
}

export interface Operation {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ServiceModel {
  metadata: { targetPrefix?: string; jsonVersion?: string; protocol: string; serviceId: string; endpointPrefix: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** Copies of botocore 1.43's models (apprunner, cloudwatch, logs) ship with the runtime, so a clone needs nothing else. */
export const defaultModelDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "models");

const cache = new Map<string, ServiceModel>();

/** Loads e.g. `apprunner.service-2.json`; `RUNWAY_RUNTIME_MODEL_DIR` overrides where models are found. */
export function loadServiceModel(fileName: string, dir = process.env.RUNWAY_RUNTIME_MODEL_DIR ?? defaultModelDir): ServiceModel {
  const file = path.resolve(dir, fileName);
  let model = cache.get(file);
  if (!model) {
    model = JSON.parse(readFileSync(file, "utf8")) as ServiceModel;
    cache.set(file, model);
  }
  return model;
}
