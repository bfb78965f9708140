// A host name routes to one service: a custom domain can't take a service URL, nor a domain (or its www name)
// that another service holds in any region, and letting a domain go never unroutes another service.
import { AssociateCustomDomainCommand, CreateServiceCommand, DisassociateCustomDomainCommand, type AppRunnerClient, type Service } from "@aws-sdk/client-apprunner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type RunningRuntime } from "./start-runtime.js";
import { appRunner, getVia, nodeHelloSource, rejection, served, settled, waitFor } from "./support.js";

let rt: RunningRuntime;
let east: AppRunnerClient;
let west: AppRunnerClient;
let a: Service;
let b: Service;
let c: Service;

const host = (s: Service) => s.ServiceUrl!.replace(/:\d+$/, "");

async function create(client: AppRunnerClient, name: string, message: string): Promise<Service> {
  const { Service: s } = await client.send(new CreateServiceCommand({ ServiceName: name, SourceConfiguration: nodeHelloSource({ message }) }));
  const done = await settled(client, s!.ServiceArn!);
  expect(done.Status).toBe("RUNNING");
  await served(rt.dataPlane, done.ServiceUrl!, message);
  return done;
}

beforeAll(async () => {
  rt = await startRuntime({ env: { RUNWAY_RUNTIME_DOMAIN_ACTIVATION_SECONDS: "0" } });
  east = appRunner(rt.api, "us-east-1");
  west = appRunner(rt.api, "eu-west-1");
  [a, b, c] = await Promise.all([create(east, "owner-a", "from-a"), create(east, "taker-b", "from-b"), create(west, "taker-c", "from-c")]);
}, 180_000);

afterAll(async () => {
  await rt?.stop();
});

describe("custom domain ownership", () => {
  it("refuses another service's URL host, in the same region or another, and any name under localhost", async () => {
    for (const [client, svc] of [
      [east, b],
      [west, c],
    ] as const) {
      const err = await rejection(() => client.send(new AssociateCustomDomainCommand({ ServiceArn: svc.ServiceArn, DomainName: host(a), EnableWWWSubdomain: false })));
      expect(err.name).toBe("InvalidRequestException");
      expect(err.message).toContain(a.ServiceArn!);
    }
    const reserved = await rejection(() => east.send(new AssociateCustomDomainCommand({ ServiceArn: b.ServiceArn, DomainName: "made-up.localhost" })));
    expect(reserved.name).toBe("InvalidRequestException");
    expect(reserved.message).toMatch(/reserved/);
    // A's URL still reaches A.
    expect((await getVia(rt.dataPlane, host(a))).body).toBe("from-a\n");
  });

  it("gives a domain, and its www name, to one service across all regions; letting it go leaves other routes alone", async () => {
    await east.send(new AssociateCustomDomainCommand({ ServiceArn: b.ServiceArn, DomainName: "shared.example.com" }));
    await waitFor("shared.example.com to serve B", async () => (await getVia(rt.dataPlane, "shared.example.com")).body === "from-b\n");

    const sameName = await rejection(() => west.send(new AssociateCustomDomainCommand({ ServiceArn: c.ServiceArn, DomainName: "shared.example.com", EnableWWWSubdomain: false })));
    expect(sameName.name).toBe("InvalidRequestException");
    expect(sameName.message).toContain(b.ServiceArn!);
    const wwwName = await rejection(() => west.send(new AssociateCustomDomainCommand({ ServiceArn: c.ServiceArn, DomainName: "www.shared.example.com", EnableWWWSubdomain: false })));
    expect(wwwName.name).toBe("InvalidRequestException");
    // A different name in the other region is fine.
    await west.send(new AssociateCustomDomainCommand({ ServiceArn: c.ServiceArn, DomainName: "example.com", EnableWWWSubdomain: false }));

    expect((await getVia(rt.dataPlane, "shared.example.com")).body).toBe("from-b\n");
    expect((await getVia(rt.dataPlane, "www.shared.example.com")).body).toBe("from-b\n");

    await east.send(new DisassociateCustomDomainCommand({ ServiceArn: b.ServiceArn, DomainName: "shared.example.com" }));
    expect((await getVia(rt.dataPlane, "shared.example.com")).status).toBe(404);
    expect((await getVia(rt.dataPlane, host(a))).body).toBe("from-a\n");
    expect((await getVia(rt.dataPlane, host(b))).body).toBe("from-b\n");
    expect((await getVia(rt.dataPlane, "example.com")).body).toBe("from-c\n");

    // Once let go, the other region may take it.
    await west.send(new AssociateCustomDomainCommand({ ServiceArn: c.ServiceArn, DomainName: "shared.example.com", EnableWWWSubdomain: false }));
    await waitFor("shared.example.com to serve C", async () => (await getVia(rt.dataPlane, "shared.example.com")).body === "from-c\n");
  });
});
