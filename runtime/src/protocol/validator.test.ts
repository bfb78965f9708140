import { describe, expect, it } from "vitest";
import { loadServiceModel, type ServiceModel } from "./aws-model.js";
import { ModelValidator } from "./validator.js";

const apprunner = new ModelValidator(loadServiceModel("apprunner.service-2.json"), { validationErrorType: "InvalidRequestException" });

const source = { ImageRepository: { ImageIdentifier: "public.ecr.aws/nginx/nginx:latest", ImageRepositoryType: "ECR_PUBLIC" } };

describe("ModelValidator on the App Runner model", () => {
  it("accepts a valid CreateService input and ignores unknown members", () => {
    expect(apprunner.validateOperation("CreateService", { ServiceName: "my-service_1", SourceConfiguration: source, Extra: 1 })).toBeUndefined();
  });

  it("matches patterns against the whole value", () => {
    // "ab cd ef gh" contains a 4-character run that would match an unanchored search.
    const r = apprunner.validateOperation("CreateService", { ServiceName: "abcd efgh", SourceConfiguration: source });
    expect(r).toEqual({
      type: "InvalidRequestException",
      message: "1 validation error detected: Value 'abcd efgh' at 'serviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9-_]{3,39}",
    });
  });

  it("checks lengths, enums, ranges and required members, and counts them", () => {
    const r = apprunner.validateOperation("CreateService", {
      ServiceName: "a".repeat(41),
      SourceConfiguration: { ImageRepository: { ImageIdentifier: "public.ecr.aws/a/b:1", ImageRepositoryType: "DOCKERHUB" } },
      HealthCheckConfiguration: { Interval: 0, Timeout: 21 },
    });
    expect(r?.type).toBe("InvalidRequestException");
    expect(r?.message).toMatch(/^5 validation errors detected: /);
    expect(r?.message).toContain("at 'serviceName' failed to satisfy constraint: Member must have length less than or equal to 40");
    expect(r?.message).toContain("Value 'DOCKERHUB' at 'sourceConfiguration.imageRepository.imageRepositoryType' failed to satisfy constraint: Member must satisfy enum value set: [ECR, ECR_PUBLIC]");
    expect(r?.message).toContain("Value '0' at 'healthCheckConfiguration.interval' failed to satisfy constraint: Member must have value greater than or equal to 1");
    expect(r?.message).toContain("Value '21' at 'healthCheckConfiguration.timeout' failed to satisfy constraint: Member must have value less than or equal to 20");
  });

  it("reports missing required members at any depth", () => {
    const r = apprunner.validateOperation("CreateService", { SourceConfiguration: { CodeRepository: { RepositoryUrl: "/x", SourceCodeVersion: { Type: "BRANCH" } } } });
    expect(r?.message).toContain("Value null at 'serviceName' failed to satisfy constraint: Member must not be null");
    expect(r?.message).toContain("Value null at 'sourceConfiguration.codeRepository.sourceCodeVersion.value' failed to satisfy constraint: Member must not be null");
  });

  it("validates list members with their index and Java-only pattern features (negative lookahead)", () => {
    const r = apprunner.validateOperation("TagResource", {
      ResourceArn: "arn:aws:apprunner:us-east-1:000000000000:service/a/b",
      Tags: [{ Key: "ok", Value: "1" }, { Key: "aws:reserved", Value: "2" }],
    });
    expect(r?.message).toContain("Value 'aws:reserved' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!aws:).+");
  });

  it("validates CPU and memory values as the model allows them", () => {
    const ok = apprunner.validateOperation("CreateService", { ServiceName: "cpu-test", SourceConfiguration: source, InstanceConfiguration: { Cpu: "0.25 vCPU", Memory: "512" } });
    expect(ok).toBeUndefined();
    const bad = apprunner.validateOperation("CreateService", { ServiceName: "cpu-test", SourceConfiguration: source, InstanceConfiguration: { Cpu: "3 vCPU" } });
    expect(bad?.message).toContain("at 'instanceConfiguration.cpu' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it("redacts sensitive values and checks map keys", () => {
    const r = apprunner.validateOperation("CreateService", {
      ServiceName: "env-test",
      SourceConfiguration: {
        CodeRepository: {
          RepositoryUrl: "/x",
          SourceCodeVersion: { Type: "BRANCH", Value: "main" },
          CodeConfiguration: { ConfigurationSource: "API", CodeConfigurationValues: { Runtime: "NODEJS_22", StartCommand: "line1\nline2", RuntimeEnvironmentVariables: { "": "v" } } },
        },
      },
    });
    expect(r?.message).toContain("'*** Sensitive Data Redacted ***'");
    expect(r?.message).not.toContain("line1");
    expect(r?.message).toContain("Map keys must have length greater than or equal to 1");
  });

  it("turns wrong JSON types into SerializationException", () => {
    expect(apprunner.validateOperation("ListServices", { MaxResults: "10" })?.type).toBe("SerializationException");
    expect(apprunner.validateOperation("ListServices", { MaxResults: 1.5 })?.type).toBe("SerializationException");
    expect(apprunner.validateOperation("CreateService", { ServiceName: "abcd", SourceConfiguration: [] })?.type).toBe("SerializationException");
    expect(apprunner.validateOperation("TagResource", { ResourceArn: "x", Tags: { Key: "a" } })?.type).toBe("SerializationException");
  });

  it("uses the error type name each API asks for", () => {
    const model: ServiceModel = {
      metadata: { protocol: "json", serviceId: "Test", endpointPrefix: "test" },
      operations: { Put: { name: "Put", input: { shape: "PutInput" } } },
      shapes: {
        PutInput: { type: "structure", required: ["Items"], members: { Items: { shape: "Items" }, Size: { shape: "Size" } } },
        Items: { type: "list", member: { shape: "Name" }, min: 1, max: 2 },
        Name: { type: "string", min: 1, max: 3 },
        Size: { type: "double", min: 0.5 },
      },
    };
    const v = new ModelValidator(model, { validationErrorType: "InvalidParameterValueException" });
    expect(v.validateOperation("Put", { Items: ["a"] })).toBeUndefined();
    const r = v.validateOperation("Put", { Items: ["a", "b", "toolong"], Size: 0.1 });
    expect(r?.type).toBe("InvalidParameterValueException");
    expect(r?.message).toMatch(/^3 validation errors detected: /);
    expect(r?.message).toContain("at 'items' failed to satisfy constraint: Member must have length less than or equal to 2");
    expect(r?.message).toContain("Value 'toolong' at 'items.3.member' failed to satisfy constraint: Member must have length less than or equal to 3");
    expect(r?.message).toContain("Value '0.1' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 0.5");
  });
});
