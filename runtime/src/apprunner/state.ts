import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import type { Json } from "../contracts.js";

export type ServiceStatus = "CREATE_FAILED" | "RUNNING" | "DELETED" | "DELETE_FAILED" | "PAUSED" | "OPERATION_IN_PROGRESS";
export type OperationType = "CREATE_SERVICE" | "START_DEPLOYMENT" | "PAUSE_SERVICE" | "RESUME_SERVICE" | "DELETE_SERVICE" | "UPDATE_SERVICE";
export type OperationStatus = "PENDING" | "IN_PROGRESS" | "FAILED" | "SUCCEEDED" | "ROLLBACK_IN_PROGRESS" | "ROLLBACK_FAILED" | "ROLLBACK_SUCCEEDED";

export interface OperationRecord {
  id: string;
  type: OperationType;
  status: OperationStatus;
  targetArn: string;
  startedAt: number;
  endedAt?: number;
  updatedAt: number;
}

/** What a deployment deploys: the service's configurable parts, exactly as the API shapes them. */
export interface ServiceConfig {
  SourceConfiguration: { [key: string]: Json };
  InstanceConfiguration: { [key: string]: Json };
  HealthCheckConfiguration: { [key: string]: Json };
  NetworkConfiguration: { [key: string]: Json };
  ObservabilityConfiguration?: { [key: string]: Json };
  EncryptionConfiguration?: { [key: string]: Json };
  AutoScalingConfigurationArn: string;
}

export interface CustomDomainRecord {
  domainName: string;
  enableWww: boolean;
  createdAt: number;
  records: { Name: string; Type: string; Value: string }[];
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface ServiceRecord {
  region: string;
  name: string;
  id: string;
  arn: string;
  status: ServiceStatus;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  config: ServiceConfig;
  /** Config of the last successful deployment: what a failed deployment rolls back to. Absent until the first success. */
  lastGood?: ServiceConfig;
  tags: Tag[];
  domains: CustomDomainRecord[];
  /** Newest first. */
  operations: OperationRecord[];
  activeOperationId?: string;
}

export interface AutoScalingRecord {
  region: string;
  arn: string;
  name: string;
  revision: number;
  status: "ACTIVE" | "INACTIVE";
  maxConcurrency: number;
  minSize: number;
  maxSize: number;
  createdAt: number;
  deletedAt?: number;
  isDefault: boolean;
  tags: Tag[];
}

export interface ControlPlaneState {
  version: 1;
  services: ServiceRecord[];
  autoScaling: AutoScalingRecord[];
}

/** The whole control-plane state in one JSON file, replaced atomically (temp + fsync + rename) on every change. */
export class StateFile {
  readonly file: string;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, "apprunner-state.json");
  }

  load(): ControlPlaneState {
    if (!existsSync(this.file)) return { version: 1, services: [], autoScaling: [] };
    const state = JSON.parse(readFileSync(this.file, "utf8")) as ControlPlaneState;
    if (state.version !== 1) throw new Error(`${this.file}: unsupported state version ${String(state.version)}`);
    return state;
  }

  save(state: ControlPlaneState): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
