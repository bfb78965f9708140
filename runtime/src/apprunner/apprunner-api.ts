import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiHandler, Json } from "../contracts.js";
import { regionOf } from "../http/sigv4.js";
import { loadServiceModel } from "../protocol/aws-model.js";
import { AwsError, parseJsonBody, targetOperation, toAwsError, writeJson, writeJsonError } from "../protocol/json-response.js";
import { ModelValidator } from "../protocol/validator.js";
import * as asc from "./auto-scaling-operations.js";
import type { ControlPlane } from "./control-plane.js";
import * as domains from "./custom-domains.js";
import * as services from "./service-operations.js";
import * as tags from "./tags.js";

type Operation = (cp: ControlPlane, region: string, input: Record<string, unknown>) => { [key: string]: Json };

const CONTENT_TYPE = "application/x-amz-json-1.0";
const NAMESPACE = "com.amazonaws.apprunner";

const operations: Record<string, Operation> = {
  CreateService: services.createService,
  DescribeService: services.describeService,
  ListServices: services.listServices,
  UpdateService: services.updateService,
  DeleteService: services.deleteService,
  PauseService: services.pauseService,
  ResumeService: services.resumeService,
  StartDeployment: services.startDeployment,
  ListOperations: services.listOperations,
  CreateAutoScalingConfiguration: asc.createAutoScalingConfiguration,
  DescribeAutoScalingConfiguration: asc.describeAutoScalingConfiguration,
  ListAutoScalingConfigurations: asc.listAutoScalingConfigurations,
  DeleteAutoScalingConfiguration: asc.deleteAutoScalingConfiguration,
  UpdateDefaultAutoScalingConfiguration: asc.updateDefaultAutoScalingConfiguration,
  ListServicesForAutoScalingConfiguration: asc.listServicesForAutoScalingConfiguration,
  AssociateCustomDomain: domains.associateCustomDomain,
  DescribeCustomDomains: domains.describeCustomDomains,
  DisassociateCustomDomain: domains.disassociateCustomDomain,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
  // Listings of features the local runtime has none of: empty, so consoles can render their pages.
  ListConnections: () => ({ ConnectionSummaryList: [] }),
  ListVpcConnectors: () => ({ VpcConnectors: [] }),
  ListVpcIngressConnections: () => ({ VpcIngressConnectionSummaryList: [] }),
  ListObservabilityConfigurations: () => ({ ObservabilityConfigurationSummaryList: [] }),
};

/** App Runner over AWS JSON 1.0 (`X-Amz-Target: AppRunner.<Operation>`), validated against the official model. */
export function createAppRunnerApi(cp: ControlPlane): ApiHandler {
  const model = loadServiceModel("apprunner.service-2.json");
  const validator = new ModelValidator(model, { validationErrorType: "InvalidRequestException" });
  const fail = (res: ServerResponse, err: AwsError) => writeJsonError(res, { type: err.type, message: err.message, status: err.status }, { namespace: NAMESPACE, contentType: CONTENT_TYPE });

  return {
    signingName: "apprunner",
    maxBodyBytes: 256 * 1024,
    canHandle(req: IncomingMessage): boolean {
      const target = req.headers["x-amz-target"];
      return req.method === "POST" && typeof target === "string" && target.startsWith("AppRunner.");
    },

    async handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
      try {
        const name = targetOperation(req, "AppRunner") ?? "";
        if (!model.operations[name]) throw new AwsError("UnknownOperationException", `Unknown operation AppRunner.${name}`);
        const op = operations[name];
        if (!op) throw new AwsError("InvalidRequestException", `${name} is not supported by the Runway local runtime (no VPC, observability or connection resources exist locally).`);
        const parsed = parseJsonBody(body);
        if (!parsed.ok) throw new AwsError("SerializationException", parsed.message);
        const invalid = validator.validateOperation(name, parsed.value);
        if (invalid) throw new AwsError(invalid.type, invalid.message);
        const region = regionOf(req);
        writeJson(res, op(cp, region, parsed.value), CONTENT_TYPE);
      } catch (err) {
        if (!(err instanceof AwsError)) process.stderr.write(`AppRunner API internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        fail(res, toAwsError(err));
      }
    },
  };
}
