// Backstage interop through the real database: export, import into an empty database, the same
// entries; and bad files rejected with document + line, changing nothing.
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createTempDatabase } from "@/lib/testing/temp-db";
import type { ArnResolver } from "./apply-import";

const first = createTempDatabase();
const { db } = await import("@/lib/db");
const { exportCatalogYaml, loadCatalogSnapshot } = await import("./export-catalog");
const { planImport } = await import("./backstage-import");
const { applyImport, ImportRejected } = await import("./apply-import");
const { reloadEnv } = await import("@/lib/env");

const arnA = "arn:aws:apprunner:us-east-1:123456789012:service/checkout-api/0123456789abcdef0123456789abcdef";
const arnB = "arn:aws:apprunner:eu-west-1:123456789012:service/search-web/fedcba9876543210fedcba9876543210";
const now = new Date("2026-11-30T12:00:00Z");

async function seed() {
  const team = await db.team.create({ data: { name: "payments", displayName: "Payments", description: "Money in" } });
  const system = await db.catalogSystem.create({ data: { name: "storefront", description: "What shoppers use", ownerTeamId: team.id } });
  await db.catalogEntry.create({
    data: {
      arn: arnA, connectionId: "c1", region: "us-east-1", serviceId: "0123456789abcdef0123456789abcdef", serviceName: "checkout-api", status: "RUNNING", lastSyncedAt: now,
      ownerTeamId: team.id, tier: 1, lifecycle: "production", description: "Takes payments", systemId: system.id,
      repositoryUrl: "https://git.example.com/checkout", runbookUrl: "https://wiki.example.com/checkout", dashboardUrl: "https://grafana.example.com/d/1", oncallUrl: "https://pager.example.com/payments",
      tags: JSON.stringify(["payments", "pci"]),
    },
  });
  await db.catalogEntry.create({ data: { arn: arnB, connectionId: "c1", region: "eu-west-1", serviceId: "fedcba9876543210fedcba9876543210", serviceName: "search-web", status: "PAUSED", lastSyncedAt: now } });
  await db.catalogEntry.create({ data: { arn: arnB.replace("search-web", "old-thing").replace("fedcba", "aaaaaa"), connectionId: "c1", region: "eu-west-1", serviceId: "x", serviceName: "old-thing", status: "RUNNING", gone: true, lastSyncedAt: now } });
}

// The second database has no entries: ARNs resolve as a connection would answer DescribeService.
const resolver: ArnResolver = async (arn) =>
  arn === arnA
    ? { connectionId: "c2", region: "us-east-1", serviceId: "0123456789abcdef0123456789abcdef", serviceName: "checkout-api", status: "RUNNING", serviceUrl: null }
    : arn === arnB
      ? { connectionId: "c2", region: "eu-west-1", serviceId: "fedcba9876543210fedcba9876543210", serviceName: "search-web", status: "PAUSED", serviceUrl: null }
      : null;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, asserted field by field
type Doc = Record<string, any>;
let exported = "";
let second: ReturnType<typeof createTempDatabase> | undefined;

afterAll(async () => {
  await db.$disconnect();
  first.cleanup();
  second?.cleanup();
});

describe("Backstage catalog-info.yaml", () => {
  it("exports Groups, Systems and Components with the ARN annotation, leaving gone services out", async () => {
    await seed();
    exported = await exportCatalogYaml();
    const docs = exported.split(/^---$/m).map((d) => parse(d) as Doc);
    expect(docs.map((d) => `${d.kind}:${d.metadata.name}`)).toEqual(["Group:payments", "System:storefront", "Component:checkout-api", "Component:search-web"]);
    const checkout = docs[2]!;
    expect(checkout).toMatchObject({
      apiVersion: "backstage.io/v1alpha1",
      spec: { type: "service", lifecycle: "production", owner: "group:default/payments", system: "storefront" },
      metadata: { annotations: { "aws.amazon.com/aws-app-runner-service-arn": arnA, "runway/tier": "1" }, tags: ["payments", "pci"] },
    });
    expect(checkout.metadata.links).toContainEqual({ url: "https://pager.example.com/payments", title: "On-call", type: "oncall" });
  });

  it("imports the export into an empty database with the same entries", async () => {
    const before = await loadCatalogSnapshot();
    await db.$disconnect();
    second = createTempDatabase();
    reloadEnv();
    expect(await db.catalogEntry.count()).toBe(0);
    const planned = planImport(exported);
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    expect(await applyImport(planned.plan, resolver, now)).toEqual({ teams: 1, systems: 1, entries: 2, created: 2 });
    expect(await loadCatalogSnapshot()).toEqual(before);
    // Importing the same file again changes nothing and creates nothing.
    expect((await applyImport(planned.plan, resolver, now)).created).toBe(0);
    expect(await loadCatalogSnapshot()).toEqual(before);
  });

  it("rejects broken YAML, naming the document and the line", () => {
    const broken = `${exported}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bad\n  tags: [unclosed\n`;
    const r = planImport(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = broken.split("\n").findIndex((l) => l.includes("[unclosed")) + 1;
    expect(r.errors[0]).toMatchObject({ document: 5, line, message: expect.stringContaining("YAML syntax") });
  });

  it.each([
    ["a document of another kind", "kind: System", "kind API is not supported", "kind: API"],
    ["a link that is not http(s)", "url: https://wiki.example.com/checkout", "Links must be http:// or https://", "url: ftp://wiki.example.com/checkout"],
    ["a tier out of range", 'runway/tier: "1"', "Tier must be 1 (critical), 2 or 3", 'runway/tier: "7"'],
    ["a bad tag", "- pci", "Backstage's tag rule", "- PCI_Data"],
    ["a bad name", "name: checkout-api", "Backstage's name rule", "name: -checkout"],
  ])("rejects %s with its line", (_what, find, message, replace = "kind: API") => {
    const text = exported.replace(find, replace);
    expect(text).not.toBe(exported);
    const r = planImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split("\n").findIndex((l) => l.includes(replace.split(": ").pop()!)) + 1;
    expect(r.errors[0]).toMatchObject({ line, message: expect.stringContaining(message) });
  });

  it("rejects an unknown team and an ARN that belongs to no connection, importing nothing", async () => {
    const before = await loadCatalogSnapshot();
    const unknownTeam = planImport(exported.replace("owner: group:default/payments", "owner: group:default/nobody"));
    if (!unknownTeam.ok) throw new Error("should parse");
    await expect(applyImport(unknownTeam.plan, resolver)).rejects.toThrow(/unknown team nobody/);
    const stranger = "arn:aws:apprunner:us-east-1:123456789012:service/stranger/99999999999999999999999999999999";
    const text = `${exported}---\n${exported.split("---\n")[3]!.replace(arnB, stranger).replace("search-web", "stranger")}\n`.replace("description: Money in", "description: Changed");
    const planned = planImport(text);
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const err = await applyImport(planned.plan, resolver).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as InstanceType<typeof ImportRejected>).errors).toEqual([{ document: 5, line: expect.any(Number), message: expect.stringContaining("belongs to no connection") }]);
    // The Group change in document 1 was valid, but nothing applies when anything fails.
    expect(await loadCatalogSnapshot()).toEqual(before);
  });
});
