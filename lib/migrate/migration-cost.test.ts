import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { defaultPriceTables } from "@/lib/pricing/default-price-tables";
import { estimateUsage } from "@/lib/pricing/usage-estimate";
import { buildPlan } from "./build-plan";
import { bundleFiles, zipBundle } from "./bundle";
import { compareMigrationCost } from "./migration-cost";
import { checkAgainstModel, type ServiceModelJson } from "./model-check";
import { repositoryService } from "./plan-fixtures";
import { readFileSync } from "node:fs";
import path from "node:path";

const usEast1 = defaultPriceTables.find((t) => t.region === "us-east-1")!.prices;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 1);
// One day with one instance serving all the time.
const usage = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 1, autoDeploy: false, start, hours: 24, points: Array.from({ length: 24 }, (_, i) => ({ t: start + i * HOUR, avgActive: 1, maxActive: 1, requests: 0 })) }, usEast1);

describe("App Runner against Express Mode, from the same usage", () => {
  it("prices a steady instance on both, with the ALB share", () => {
    const c = compareMigrationCost(usage, { cpu: 1024, memory: 2048 }, usEast1);
    // App Runner: 730 active hours × (1 × 0.064 + 2 × 0.007)
    expect(c.appRunner.total).toBeCloseTo(730 * 0.078, 6);
    expect(c.taskHours).toBeCloseTo(730, 6);
    // Fargate x86: 730 × 0.04048 + 1460 × 0.004445 + (730 / 25) × 0.0225
    expect(c.x86!.total).toBeCloseTo(730 * 0.04048 + 1460 * 0.004445 + (730 / 25) * 0.0225, 6);
    expect(c.arm!.total).toBeCloseTo(730 * 0.03238 + 1460 * 0.00356 + (730 / 25) * 0.0225, 6);
    expect(c.differenceX86).toBeCloseTo(c.x86!.total - c.appRunner.total, 9);
    expect(c.differenceX86!).toBeLessThan(0);
  });

  it("counts idle MinSize instances as running tasks (Fargate has no idle rate)", () => {
    const idle = estimateUsage({ size: { vcpu: 1, memoryGb: 2 }, minSize: 2, autoDeploy: false, start, hours: 24, points: [] }, usEast1);
    const c = compareMigrationCost(idle, { cpu: 1024, memory: 2048 }, usEast1);
    expect(c.appRunner.total).toBeCloseTo(1460 * 2 * 0.007, 6);
    expect(c.taskHours).toBeCloseTo(1460, 6);
    expect(c.differenceX86!).toBeGreaterThan(0);
  });

  it("says so instead of pricing at $0 when the region has no Fargate figures", () => {
    const c = compareMigrationCost(usage, { cpu: 1024, memory: 2048 }, { appRunner: usEast1.appRunner });
    expect(c.x86).toBeNull();
    expect(c.differenceArm).toBeNull();
    expect(c.assumptions.at(-1)).toMatch(/no Fargate and ALB figures/);
  });
});

describe("the bundle", () => {
  it("holds express-service.json (valid against the model), the Dockerfile, IAM documents and a README", () => {
    const plan = buildPlan(repositoryService);
    const cost = compareMigrationCost(usage, plan.size.to, usEast1);
    const zip = zipBundle(bundleFiles(plan, cost, new Date("2026-11-30T12:00:00Z")), "shop-front-ecs-express", new Date("2026-11-30T12:00:00Z"));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      ["Dockerfile", "README.md", "express-service.json", "iam/create-roles.sh", "iam/execution-role-secrets.json", "iam/execution-role-trust.json", "iam/infrastructure-role-trust.json", "iam/task-role-trust.json", "image/build-and-push.sh"].map((f) => `shop-front-ecs-express/${f}`),
    );
    const request = JSON.parse(strFromU8(files["shop-front-ecs-express/express-service.json"]!));
    const model = JSON.parse(readFileSync(path.join(import.meta.dirname, "models/ecs.service-2.json"), "utf8")) as ServiceModelJson;
    expect(checkAgainstModel(model, "CreateExpressGatewayServiceRequest", request)).toEqual([]);
    const readme = strFromU8(files["shop-front-ecs-express/README.md"]!);
    expect(readme).toContain("Plan made by Runway on 2026-11-30");
    expect(readme).toContain("aws apprunner delete-service --region us-east-1 --service-arn arn:aws:apprunner:us-east-1:123456789012:service/shop-front/11111111111111111111111111111111");
    expect(readme).toMatch(/Express Mode, Fargate ARM \(Graviton\) \| \$[\d.]+ \| -\$/);
    const trust = JSON.parse(strFromU8(files["shop-front-ecs-express/iam/infrastructure-role-trust.json"]!));
    expect(trust.Statement[0].Principal.Service).toBe("ecs.amazonaws.com");
  });
});
