import type { ControlPlane } from "./control-plane.js";
import { hexId } from "./ids.js";
import { removeService, startDeploymentOperation } from "./service-operations.js";
import type { ServiceRecord } from "./state.js";

/**
 * After a restart (clean or kill -9): operations that were running end FAILED and the service returns to its
 * last good state (a create that never finished is CREATE_FAILED); an interrupted pause or delete is finished;
 * services that were RUNNING start again from their last deployed build. Returns once the state is consistent;
 * instance restores continue in the background.
 */
export function recover(cp: ControlPlane): void {
  for (const svc of cp.state.services) {
    for (const op of svc.operations) {
      if (op.status !== "IN_PROGRESS" && op.status !== "PENDING" && op.status !== "ROLLBACK_IN_PROGRESS") continue;
      if (op.id === svc.activeOperationId) continue;
      op.status = "FAILED";
      op.endedAt = op.updatedAt = Date.now();
    }
    const op = svc.operations.find((o) => o.id === svc.activeOperationId);
    if (svc.status === "OPERATION_IN_PROGRESS" && op) {
      cp.event(svc, `The runtime restarted while operation ${op.type} ${op.id} was running.`);
      if (op.type === "PAUSE_SERVICE") {
        cp.finishOperation(svc, op, { service: "PAUSED", operation: "SUCCEEDED" });
        void cp.engine.pause(svc.id);
      } else if (op.type === "DELETE_SERVICE") {
        void removeService(cp, svc).then((outcome) => cp.finishOperation(svc, op, outcome));
        continue;
      } else if (op.type === "RESUME_SERVICE") {
        cp.finishOperation(svc, op, { service: "PAUSED", operation: "FAILED" });
      } else if (svc.lastGood) {
        svc.config = structuredClone(svc.lastGood);
        cp.finishOperation(svc, op, { service: "RUNNING", operation: "FAILED" });
      } else {
        cp.finishOperation(svc, op, { service: "CREATE_FAILED", operation: "FAILED" });
      }
    } else if (svc.status === "OPERATION_IN_PROGRESS") {
      // No operation record (should not happen): fall back to what the service last was.
      svc.status = svc.lastGood ? "RUNNING" : "CREATE_FAILED";
      delete svc.activeOperationId;
      cp.persist();
    }
    cp.syncRoutes(svc);
    if (svc.status === "RUNNING") restore(cp, svc);
  }
  cp.persist();
}

function restore(cp: ControlPlane, svc: ServiceRecord): void {
  const id = hexId();
  cp.event(svc, "Restoring the service's instances from its last deployment after a runtime restart.");
  void cp.engine.restore(cp.deploymentRequest(svc, id, "restore")).then((result) => {
    cp.event(svc, result.ok ? "Service instances restored." : `Restoring instances failed. Failure reason : ${result.reason}`);
  });
}

/**
 * Automatic deployments: a new commit on the tracked branch of a RUNNING service with AutoDeploymentsEnabled.
 * A commit that lands while another operation runs is deployed once that operation has finished.
 */
export function watchSourceChanges(cp: ControlPlane): void {
  const pending = new Set<string>();
  const deploy = (svc: ServiceRecord) => {
    pending.delete(svc.id);
    cp.event(svc, "New commit detected on the tracked branch; starting an automatic deployment.");
    startDeploymentOperation(cp, svc, "auto");
  };
  const wanted = (svc: ServiceRecord | undefined): svc is ServiceRecord =>
    !!svc && svc.config.SourceConfiguration.AutoDeploymentsEnabled !== false && Boolean(svc.config.SourceConfiguration.CodeRepository);
  cp.engine.onSourceChanged((serviceId) => {
    const svc = cp.state.services.find((s) => s.id === serviceId);
    if (!wanted(svc)) return;
    if (svc.status === "RUNNING") deploy(svc);
    else if (svc.status === "OPERATION_IN_PROGRESS") pending.add(svc.id);
  });
  cp.onOperationFinished((svc) => {
    if (pending.has(svc.id) && svc.status === "RUNNING" && wanted(svc)) deploy(svc);
    else if (svc.status !== "OPERATION_IN_PROGRESS") pending.delete(svc.id);
  });
}
