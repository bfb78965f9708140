// Restart persistence (a runtime killed with SIGKILL leaves its instances
// running; the next engine stops them and restores the service) and image
// services without a container engine.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { DeploymentResult, Engine, InstanceInfo } from "../contracts.js";
import { isAlive } from "./process-tools.js";
import { get, request, serviceShape, tempDir, testEngine, waitFor } from "./engine-test-support.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const readCmdline = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};
const engines: Engine[] = [];
afterAll(async () => {
  await Promise.all(engines.map((e) => e.shutdown()));
});

/** Runs an engine in its own process, deploys, then kills that process with SIGKILL. */
async function deployInCrashingRuntime(dataDir: string, reqFile: string): Promise<{ result: DeploymentResult; instances: InstanceInfo[] }> {
  const host = spawn(process.execPath, ["--import", "tsx", path.join(here, "fixtures", "engine-host.ts"), dataDir, reqFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  host.stdout.setEncoding("utf8");
  host.stdout.on("data", (c: string) => (out += c));
  const line = await waitFor(() => out.includes("\n") && out.split("\n")[0], 30_000);
  host.kill("SIGKILL");
  await new Promise((r) => host.once("exit", r));
  return JSON.parse(line) as { result: DeploymentResult; instances: InstanceInfo[] };
}

describe("engine restart and image services", () => {
  it("after a kill -9 of the runtime, a new engine stops the leftover instances and restores the service", async () => {
    const dataDir = tempDir();
    const svc = serviceShape({ values: { Runtime: "NODEJS_22", StartCommand: "node server.js", RuntimeEnvironmentVariables: { MESSAGE: "survivor" } } });
    const reqFile = path.join(dataDir, "req.json");
    writeFileSync(reqFile, JSON.stringify(request(svc)));
    const before = await deployInCrashingRuntime(dataDir, reqFile);
    expect(before.result).toEqual({ ok: true });
    const orphan = before.instances[0]!;
    // The instance outlived its runtime.
    expect(isAlive(orphan.pid!)).toBe(true);
    expect((await get(orphan.port)).body).toBe("survivor\n");

    const { engine } = testEngine({ dataDir });
    engines.push(engine);
    const restored = await engine.restore(request(svc, "restore"));
    expect(restored).toEqual({ ok: true });
    expect(isAlive(orphan.pid!)).toBe(false);
    const [now] = engine.instances(svc.ServiceId);
    expect(now!.state).toBe("healthy");
    expect((await get(now!.port)).body).toBe("survivor\n");
  });

  it("restore fails with a reason when there is no successful deployment or its build is gone", async () => {
    const { engine, dataDir } = testEngine();
    engines.push(engine);
    const result = await engine.restore(request(serviceShape(), "restore"));
    expect(result).toEqual({ ok: false, reason: "There is no successful deployment to start from: deploy the service first" });

    const svc = serviceShape();
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    await engine.shutdown();
    rmSync(path.join(dataDir, "services", svc.ServiceId, "builds"), { recursive: true });
    const next = testEngine({ dataDir });
    engines.push(next.engine);
    const gone = await next.engine.restore(request(svc, "restore"));
    expect(gone.ok).toBe(false);
    expect(!gone.ok && gone.reason).toMatch(/^The build of this deployment is missing: .*builds\/\w+\/source does not exist$/);
  });

  it("shutdown stops a running build and its processes", async () => {
    const { engine, logs } = testEngine();
    const marker = `runway-build-marker-${process.pid}-${Date.now()}`;
    const svc = serviceShape({ values: { Runtime: "NODEJS_22", BuildCommand: `node -e "setTimeout(() => {}, 60000)" ${marker}`, StartCommand: "node server.js" } });
    const req = request(svc);
    const deploying = engine.deploy(req);
    await waitFor(() => logs.text({ stream: `deployment/${req.operationId}` }).includes(marker), 10_000);
    const running = () => readdirSync("/proc").filter((p) => /^\d+$/.test(p) && readCmdline(p).includes(marker));
    await waitFor(() => running().length > 0, 5000);
    const started = Date.now();
    await engine.shutdown();
    const result = await deploying;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain("was stopped: the runtime is shutting down");
    await waitFor(() => running().length === 0, 5000);
  });

  it("image services fail clearly without a Docker Engine, and pull the image when one answers", async () => {
    const { engine, logs } = testEngine();
    engines.push(engine);
    const image = { ImageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", ImageRepositoryType: "ECR_PUBLIC", ImageConfiguration: { Port: "8000" } };
    const saved = process.env.DOCKER_HOST;
    try {
      delete process.env.DOCKER_HOST;
      const svc = serviceShape({ image });
      const started = Date.now();
      const req = request(svc);
      const result = await engine.deploy(req);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toEqual({
        ok: false,
        reason:
          "No container engine reachable: image services need a Docker Engine (set DOCKER_HOST or start dockerd). Checked: unix:///var/run/docker.sock (ENOENT)",
      });
      expect(logs.text({ stream: `deployment/${req.operationId}` })).toContain("Failure reason : No container engine reachable");

      // A DOCKER_HOST that nothing listens on is named in the message.
      const closed = await new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, "127.0.0.1", () => {
          const port = (s.address() as net.AddressInfo).port;
          s.close(() => resolve(port));
        });
      });
      process.env.DOCKER_HOST = `tcp://127.0.0.1:${closed}`;
      const tcp = await engine.deploy(request(serviceShape({ image })));
      expect(tcp).toEqual({
        ok: false,
        reason: `No container engine reachable: image services need a Docker Engine (set DOCKER_HOST or start dockerd). Checked: tcp://127.0.0.1:${closed} (ECONNREFUSED)`,
      });

      // A reachable engine (here a stand-in answering the Docker API over a unix socket) gets a `docker pull`.
      const socket = path.join(tempDir("runway-docker-"), "docker.sock");
      const fake = http.createServer((req, res) => {
        res.writeHead(req.url === "/_ping" ? 200 : 500, { "content-type": req.url === "/_ping" ? "text/plain" : "application/json", "api-version": "1.41" });
        res.end(req.url === "/_ping" ? "OK" : JSON.stringify({ message: "stand-in engine has no images" }));
      });
      await new Promise<void>((r) => fake.listen(socket, r));
      process.env.DOCKER_HOST = `unix://${socket}`;
      const pulled = await engine.deploy(request(serviceShape({ image })));
      await new Promise((r) => fake.close(r));
      expect(pulled.ok).toBe(false);
      expect(!pulled.ok && pulled.reason).toMatch(/^Failed to pull image public\.ecr\.aws\/aws-containers\/hello-app-runner:latest: .*stand-in engine has no images/);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
});
