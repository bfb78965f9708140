// Deployments of the examples and of git repositories, driven through the
// engine with real processes and real HTTP.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { logGroups, logStreams, type Engine } from "../contracts.js";
import { EXAMPLES, get, git, request, serviceShape, tempDir, testEngine, waitFor } from "./engine-test-support.js";

const engines: Engine[] = [];
function setup() {
  const t = testEngine();
  engines.push(t.engine);
  return t;
}
afterAll(async () => {
  await Promise.all(engines.map((e) => e.shutdown()));
});

function healthyPort(engine: Engine, serviceId: string): number {
  const healthy = engine.instances(serviceId).filter((i) => i.state === "healthy");
  expect(healthy).toHaveLength(1);
  return healthy[0]!.port;
}

describe("engine deployments", () => {
  it("deploys node-hello from API configuration with its environment, logging build and instance output", async () => {
    const { engine, logs, dataDir } = setup();
    const svc = serviceShape({
      name: "hello-api",
      values: {
        Runtime: "NODEJS_22",
        BuildCommand: "node --check server.js",
        StartCommand: "node server.js",
        Port: "8080",
        RuntimeEnvironmentVariables: { MESSAGE: "configured through the API" },
        RuntimeEnvironmentSecrets: { API_TOKEN: "s3cret" },
      },
    });
    const req = request(svc);
    const result = await engine.deploy(req);
    expect(result).toEqual({ ok: true });
    const port = healthyPort(engine, svc.ServiceId);
    expect(await get(port, "/")).toEqual({ status: 200, body: "configured through the API\n" });
    const info = engine.instances(svc.ServiceId)[0]!;
    expect(info.pid).toBeGreaterThan(0);
    expect(info.deploymentId).toBe(req.operationId);

    const group = logGroups.service("hello-api", svc.ServiceId);
    const deployLog = logs.text({ group, stream: logStreams.deployment(req.operationId) });
    expect(deployLog).toContain("Successfully pulled your application source code");
    expect(deployLog).toContain("$ node --check server.js");
    expect(deployLog).toContain(`Deployment with ID : ${req.operationId} successfully completed`);
    expect(logs.text({ group, stream: logStreams.events }).split("\n")).toEqual([
      "[AppRunner] Successfully pulled your application source code (directory " + path.join(EXAMPLES, "node-hello") + ").",
      "[AppRunner] Successfully built source code.",
      "[AppRunner] Health check is successful. Routing traffic to application.",
    ]);
    const appLog = logs.text({ group: logGroups.application("hello-api", svc.ServiceId), stream: logStreams.instance(info.instanceId) });
    // HOST=127.0.0.1 keeps the example on loopback.
    expect(appLog).toContain(`node-hello listening on 127.0.0.1:${port}`);
    // Built once into its own directory.
    expect(existsSync(path.join(dataDir, "services", svc.ServiceId, "builds", req.operationId, "source", "server.js"))).toBe(true);
  });

  it("deploys node-hello and python-hello from their apprunner.yaml", async () => {
    const { engine } = setup();
    const node = serviceShape({ configurationSource: "REPOSITORY", repositoryUrl: path.join(EXAMPLES, "node-hello") });
    const python = serviceShape({ configurationSource: "REPOSITORY", repositoryUrl: `file://${path.join(EXAMPLES, "python-hello")}` });
    const [a, b] = await Promise.all([engine.deploy(request(node)), engine.deploy(request(python))]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    expect((await get(healthyPort(engine, node.ServiceId), "/")).body).toBe("Hello from Runway\n");
    const info = JSON.parse((await get(healthyPort(engine, python.ServiceId), "/info")).body) as { python: string; message: string };
    expect(info.message).toBe("Hello from Runway");
    expect(info.python).toMatch(/^3\./);
  });

  it("runs apprunner.yaml build commands with build.env and gives the port in run.network.env", async () => {
    const { engine } = setup();
    const dir = tempDir("runway-yaml-app-");
    writeFileSync(
      path.join(dir, "apprunner.yaml"),
      `version: 1.0
runtime: nodejs18
build:
  commands:
    build:
      - node -e "require('fs').writeFileSync('built.txt', process.env.BUILD_MODE)"
  env:
    - name: BUILD_MODE
      value: release
run:
  command: node app.js
  network:
    port: 9000
    env: APP_PORT
`,
    );
    writeFileSync(
      path.join(dir, "app.js"),
      `const fs = require("fs");
       require("http").createServer((q, s) => s.end(fs.readFileSync("built.txt", "utf8") + " " + (process.env.APP_PORT === process.env.PORT)))
         .listen(Number(process.env.APP_PORT), "127.0.0.1");`,
    );
    const svc = serviceShape({ repositoryUrl: dir, configurationSource: "REPOSITORY" });
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    expect((await get(healthyPort(engine, svc.ServiceId))).body).toBe("release true");
    // The build ran in the deployment's own directory, not in the source.
    expect(existsSync(path.join(dir, "built.txt"))).toBe(false);
  });

  it("gives a Python build that uses pip its own virtualenv, also used at run time", async () => {
    const { engine, logs, dataDir } = setup();
    const dir = tempDir("runway-venv-app-");
    writeFileSync(path.join(dir, "apprunner.yaml"), "version: 1.0\nruntime: python3\nbuild:\n  commands:\n    build:\n      - pip3 --version\nrun:\n  command: python app.py\n");
    writeFileSync(
      path.join(dir, "app.py"),
      "import http.server, os, sys\n" +
        "class H(http.server.BaseHTTPRequestHandler):\n" +
        "    def do_GET(self):\n        self.send_response(200); self.end_headers(); self.wfile.write(sys.prefix.encode())\n" +
        "http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()\n",
    );
    const svc = serviceShape({ repositoryUrl: dir, configurationSource: "REPOSITORY" });
    const req = request(svc);
    expect(await engine.deploy(req)).toEqual({ ok: true });
    const venv = path.join(dataDir, "services", svc.ServiceId, "builds", req.operationId, "venv");
    expect(logs.text({ stream: logStreams.deployment(req.operationId) })).toContain(`from ${venv}/lib/`);
    expect((await get(healthyPort(engine, svc.ServiceId))).body).toBe(venv);
  });

  it("fails clearly when apprunner.yaml is missing or the source cannot be fetched", async () => {
    const { engine } = setup();
    const empty = tempDir("runway-empty-src-");
    writeFileSync(path.join(empty, "server.js"), "");
    const noYaml = await engine.deploy(request(serviceShape({ configurationSource: "REPOSITORY", repositoryUrl: empty })));
    expect(noYaml).toMatchObject({ ok: false, reason: expect.stringContaining("apprunner.yaml not found") });
    const remote = await engine.deploy(request(serviceShape({ repositoryUrl: "https://github.com/aws-containers/hello-app-runner" })));
    expect(remote).toMatchObject({ ok: false, reason: expect.stringContaining("file:// git repositories only") });
    const missing = await engine.deploy(request(serviceShape({ repositoryUrl: "/nonexistent/runway-src" })));
    expect(missing).toMatchObject({ ok: false, reason: expect.stringContaining("not found") });
    const java = await engine.deploy(request(serviceShape({ values: { Runtime: "CORRETTO_11", StartCommand: "java -jar app.jar" } })));
    expect(java).toMatchObject({ ok: false, reason: expect.stringContaining("not available in the local runtime") });
  });

  it("fails a build whose command does not exist within seconds, naming the command", async () => {
    const { engine, logs } = setup();
    const svc = serviceShape({ values: { Runtime: "NODEJS_22", BuildCommand: "node --version && runway-no-such-tool --flag", StartCommand: "node server.js" } });
    const started = Date.now();
    const req = request(svc);
    const result = await engine.deploy(req);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result).toEqual({ ok: false, reason: "Build failed in build: command not found: runway-no-such-tool" });
    const deployLog = logs.text({ stream: logStreams.deployment(req.operationId) });
    expect(deployLog).toContain(`[Build] ${process.version}`);
    expect(deployLog).toContain("failed. Failure reason : Build failed in build: command not found: runway-no-such-tool");
    expect(engine.instances(svc.ServiceId)).toEqual([]);
  });

  it("runs && chains step by step and passes shell syntax to the program as literal arguments", async () => {
    const { engine } = setup();
    const marker = tempDir("runway-injection-");
    const start = `node --check server.js && node server.js ; touch ${marker}/semicolon $(touch ${marker}/subshell) \`touch ${marker}/backtick\` > ${marker}/redirect`;
    const svc = serviceShape({ values: { Runtime: "NODEJS_22", StartCommand: start, RuntimeEnvironmentVariables: { MESSAGE: "literal" } } });
    expect(await engine.deploy(request(svc))).toEqual({ ok: true });
    const info = engine.instances(svc.ServiceId)[0]!;
    expect((await get(info.port)).body).toBe("literal\n");
    const argv = readFileSync(`/proc/${info.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    expect(argv.slice(1)).toEqual(["server.js", ";", "touch", `${marker}/semicolon`, `$(touch`, `${marker}/subshell)`, `\`touch`, `${marker}/backtick\``, ">", `${marker}/redirect`]);
    expect(readdirSync(marker)).toEqual([]);
  });

  it("deploys a branch of a file:// git repository, records the commit, and reports new commits", async () => {
    const repo = tempDir("runway-git-");
    cpSync(path.join(EXAMPLES, "node-hello"), path.join(repo, "app"), { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    git(repo, "checkout", "-q", "-b", "release");
    writeFileSync(path.join(repo, "app", "apprunner.yaml"), "version: 1.0\nruntime: nodejs18\nrun:\n  command: node server.js\n  network:\n    port: 3000\n  env:\n    - name: MESSAGE\n      value: from the release branch\n");
    git(repo, "commit", "-q", "-am", "release config");
    const releaseHead = git(repo, "rev-parse", "HEAD");
    git(repo, "checkout", "-q", "main");

    const { engine } = setup();
    const changed: string[] = [];
    engine.onSourceChanged((id) => changed.push(id));
    const svc = serviceShape({ repositoryUrl: `file://${repo}`, branch: "release", sourceDirectory: "/app", configurationSource: "REPOSITORY", autoDeploy: true });
    const result = await engine.deploy(request(svc));
    expect(result).toEqual({ ok: true, version: `commit ${releaseHead}` });
    expect((await get(healthyPort(engine, svc.ServiceId), "/")).body).toBe("from the release branch\n");

    // A commit on another branch is not a change of the tracked one.
    writeFileSync(path.join(repo, "app", "other.txt"), "x");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "on main");
    await new Promise((r) => setTimeout(r, 800));
    expect(changed).toEqual([]);

    git(repo, "checkout", "-q", "release");
    writeFileSync(path.join(repo, "app", "CHANGELOG"), "second");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "second");
    await waitFor(() => changed.length > 0, 5000);
    expect(changed).toEqual([svc.ServiceId]);

    const missingBranch = await engine.deploy(request(serviceShape({ repositoryUrl: repo, branch: "nope" })));
    expect(missingBranch).toMatchObject({ ok: false, reason: expect.stringContaining("Branch 'nope' not found") });
  });

  it("keeps only the last builds of a service", async () => {
    const { engine, dataDir } = setup();
    const svc = serviceShape();
    for (let i = 0; i < 4; i++) expect(await engine.deploy(request(svc, i === 0 ? "create" : "deploy"))).toEqual({ ok: true });
    expect(readdirSync(path.join(dataDir, "services", svc.ServiceId, "builds"))).toHaveLength(3);
    expect(engine.instances(svc.ServiceId)).toHaveLength(1);
  });
});
