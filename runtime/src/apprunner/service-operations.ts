import type { DeploymentReason, Json } from "../contracts.js";
import { AwsError } from "../protocol/json-response.js";
import type { ControlPlane, OperationOutcome } from "./control-plane.js";
import { hexId, serviceArn } from "./ids.js";
import { paginate } from "./paginate.js";
import { renderOperation, renderServiceSummary } from "./render.js";
import { configFromCreate, configFromUpdate, onlyScalingChanged } from "./service-config.js";
import type { OperationRecord, ServiceRecord, Tag } from "./state.js";

type Obj = { [key: string]: Json };
type Input = Record<string, unknown>;

export function createService(cp: ControlPlane, region: string, input: Input): Obj {
  const name = input.ServiceName as string;
  if (cp.state.services.some((s) => s.region === region && s.name === name && s.status !== "DELETED")) {
    throw new AwsError("InvalidRequestException", `Service with the provided name already exists: ${name}`);
  }
  const ascArn = input.AutoScalingConfigurationArn
    ? cp.autoScaling.resolve(region, input.AutoScalingConfigurationArn as string, { activeOnly: true }).arn
    : cp.autoScaling.defaultFor(region).arn;
  const config = configFromCreate(input as Obj, ascArn);
  const id = hexId();
  const now = Date.now();
  const svc: ServiceRecord = {
    region,
    name,
    id,
    arn: serviceArn(region, cp.accountId, name, id),
    status: "OPERATION_IN_PROGRESS",
    createdAt: now,
    updatedAt: now,
    config,
    tags: (input.Tags as Tag[] | undefined) ?? [],
    domains: [],
    operations: [],
  };
  cp.state.services.push(svc);
  cp.event(svc, "Service creation started.");
  const operationId = cp.startOperation(svc, "CREATE_SERVICE", (op) => deploy(cp, svc, op, "create"));
  return { Service: cp.describe(svc), OperationId: operationId };
}

export function describeService(cp: ControlPlane, region: string, input: Input): Obj {
  return { Service: cp.describe(cp.findService(region, input.ServiceArn as string)) };
}

export function listServices(cp: ControlPlane, region: string, input: Input): Obj {
  const services = cp.state.services.filter((s) => s.region === region && s.status !== "DELETED");
  const page = paginate(services, `services/${region}`, input, 20);
  return { ServiceSummaryList: page.items.map((s) => renderServiceSummary(s, cp.serviceUrl(s))), ...page.token };
}

export function updateService(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "update the service (UpdateService)", ["RUNNING", "CREATE_FAILED"]);
  const ascArn = input.AutoScalingConfigurationArn
    ? cp.autoScaling.resolve(region, input.AutoScalingConfigurationArn as string, { activeOnly: true }).arn
    : svc.config.AutoScalingConfigurationArn;
  const next = configFromUpdate(svc.config, input as Obj, ascArn);
  const scalingOnly = svc.status === "RUNNING" && onlyScalingChanged(svc.config, next);
  svc.config = next;
  cp.event(svc, "Service update started.");
  const operationId = cp.startOperation(svc, "UPDATE_SERVICE", async (op) => {
    if (!scalingOnly) return deploy(cp, svc, op, "update");
    cp.engine.setScaling(svc.id, cp.scalingOf(svc));
    svc.lastGood = structuredClone(svc.config);
    cp.event(svc, `Auto scaling configuration set to ${svc.config.AutoScalingConfigurationArn}.`);
    return { service: "RUNNING", operation: "SUCCEEDED" };
  });
  return { Service: cp.describe(svc), OperationId: operationId };
}

export function startDeployment(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "start a deployment (StartDeployment)", ["RUNNING"]);
  const operationId = startDeploymentOperation(cp, svc, "deploy");
  return { OperationId: operationId };
}

/** Manual deployments and automatic ones (a new commit on the tracked branch) share one operation type. */
export function startDeploymentOperation(cp: ControlPlane, svc: ServiceRecord, reason: DeploymentReason): string {
  return cp.startOperation(svc, "START_DEPLOYMENT", (op) => {
    cp.event(svc, `Deployment with ID : ${op.id} started. Triggering event : ${reason === "auto" ? "SOURCE_CODE_UPDATE" : "MANUAL_DEPLOYMENT"}`);
    return deploy(cp, svc, op, reason);
  });
}

export function pauseService(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "pause the service (PauseService)", ["RUNNING"]);
  cp.event(svc, "Pause service operation started.");
  const operationId = cp.startOperation(svc, "PAUSE_SERVICE", async () => {
    await cp.engine.pause(svc.id);
    cp.event(svc, "Service paused successfully. Instances were stopped; the service configuration and builds are kept.");
    return { service: "PAUSED", operation: "SUCCEEDED" };
  });
  return { Service: cp.describe(svc), OperationId: operationId };
}

export function resumeService(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "resume the service (ResumeService)", ["PAUSED"]);
  cp.event(svc, "Resume service operation started.");
  const operationId = cp.startOperation(svc, "RESUME_SERVICE", async (op) => {
    const result = await cp.engine.resume(cp.deploymentRequest(svc, op.id, "resume"));
    if (result.ok) {
      cp.event(svc, "Service resumed successfully.");
      return { service: "RUNNING", operation: "SUCCEEDED" };
    }
    cp.event(svc, `Resume failed. Failure reason : ${result.reason}`);
    return { service: "PAUSED", operation: "FAILED" };
  });
  return { Service: cp.describe(svc), OperationId: operationId };
}

export function deleteService(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  cp.requireStatus(svc, "delete the service (DeleteService)", ["RUNNING", "PAUSED", "CREATE_FAILED", "DELETE_FAILED"]);
  cp.event(svc, "Delete service operation started.");
  const operationId = cp.startOperation(svc, "DELETE_SERVICE", () => removeService(cp, svc));
  return { Service: cp.describe(svc), OperationId: operationId };
}

export async function removeService(cp: ControlPlane, svc: ServiceRecord): Promise<OperationOutcome> {
  await cp.engine.remove(svc.id);
  svc.domains = [];
  return { service: "DELETED", operation: "SUCCEEDED" };
}

export function listOperations(cp: ControlPlane, region: string, input: Input): Obj {
  const svc = cp.findService(region, input.ServiceArn as string);
  const page = paginate(svc.operations, `operations/${svc.arn}`, input, 20);
  return { OperationSummaryList: page.items.map(renderOperation), ...page.token };
}

/**
 * Runs one deployment through the engine. Success records the deployed config as the rollback target;
 * failure before any success is CREATE_FAILED, later failures roll back to the last good config.
 */
async function deploy(cp: ControlPlane, svc: ServiceRecord, op: OperationRecord, reason: DeploymentReason): Promise<OperationOutcome> {
  const req = cp.deploymentRequest(svc, op.id, reason);
  let rollingBack = false;
  // The engine says when it starts restoring the previous deployment: ListOperations shows it meanwhile.
  req.onRollback = (why) => {
    if (!svc.lastGood) return;
    rollingBack = true;
    cp.event(svc, `Deployment with ID : ${op.id} failed. Failure reason : ${why}`);
    // The engine follows with "Deployment failed. Rolling back to previous deployment ..." in `events`.
    cp.setOperationStatus(op, "ROLLBACK_IN_PROGRESS");
  };
  const result = await cp.engine.deploy(req);
  if (result.ok) {
    svc.lastGood = structuredClone(svc.config);
    cp.event(svc, `Deployment with ID : ${op.id} completed successfully.${result.version ? ` Deployed version : ${result.version}` : ""}`);
    return { service: "RUNNING", operation: "SUCCEEDED" };
  }
  if (!rollingBack) cp.event(svc, `Deployment with ID : ${op.id} failed. Failure reason : ${result.reason}`);
  if (!svc.lastGood) {
    cp.event(svc, op.type === "CREATE_SERVICE" ? "Service creation failed." : "Deployment failed; the service has never run successfully.");
    return { service: "CREATE_FAILED", operation: "FAILED" };
  }
  svc.config = structuredClone(svc.lastGood);
  cp.engine.setScaling(svc.id, cp.scalingOf(svc));
  cp.event(svc, "Rollback to the previous deployment succeeded; the previous version keeps serving.");
  return { service: "RUNNING", operation: "ROLLBACK_SUCCEEDED" };
}
