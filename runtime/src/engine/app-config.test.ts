// apprunner.yaml and CodeConfigurationValues as App Runner documents them.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiConfig, ConfigError, healthCheckOf, repositoryConfig } from "./app-config.js";
import { serviceShape, tempDir } from "./engine-test-support.js";

const check = healthCheckOf(serviceShape({ healthCheck: {} }));

function yamlDir(text: string): string {
  const dir = path.join(tempDir("runway-yaml-"), "app");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "apprunner.yaml"), text);
  return dir;
}

describe("apprunner.yaml", () => {
  it("reads App Runner's full format", () => {
    const dir = yamlDir(`version: 1.0
runtime: python311
build:
  commands:
    pre-build:
      - python3 --version
    build:
      - pip3 install -r requirements.txt
    post-build: python3 -m compileall .
  env:
    - name: BUILD_MODE
      value: release
run:
  runtime-version: 3.11
  pre-run:
    - python3 manage.py migrate
  command: python3 app.py --workers 2
  network:
    port: 8000
    env: APP_PORT
  env:
    - name: GREETING
      value: hi
    - name: RETRIES
      value: 3
  secrets:
    - name: DB_PASSWORD
      value-from: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db"
`);
    const { plan, run } = repositoryConfig(dir, check);
    expect(plan).toEqual({
      commands: [
        { phase: "pre-build", command: "python3 --version" },
        { phase: "build", command: "pip3 install -r requirements.txt" },
        { phase: "post-build", command: "python3 -m compileall ." },
        { phase: "pre-run", command: "python3 manage.py migrate" },
      ],
      env: { BUILD_MODE: "release" },
    });
    expect(run).toMatchObject({
      kind: "process",
      runtime: "python",
      startCommand: "python3 app.py --workers 2",
      start: [{ env: {}, argv: ["python3", "app.py", "--workers", "2"] }],
      port: 8000,
      portEnvName: "APP_PORT",
      env: { GREETING: "hi", RETRIES: "3", DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:000000000000:secret:db" },
    });
  });

  it("says what is wrong with a bad file", () => {
    const bad = (text: string) => () => repositoryConfig(yamlDir(text), check);
    expect(bad("version: 2.0\nruntime: nodejs18\nrun:\n  command: node a.js\n")).toThrow("version must be 1.0, got '2'");
    expect(bad("version: 1.0\nrun:\n  command: node a.js\n")).toThrow("runtime is required");
    expect(bad("version: 1.0\nruntime: ruby31\nrun:\n  command: ruby a.rb\n")).toThrow("runtime 'ruby31' is not available");
    expect(bad("version: 1.0\nruntime: nodejs18\nrun:\n  network:\n    port: 8080\n")).toThrow("run.command is required");
    expect(bad("version: 1.0\nruntime: nodejs18\nrun:\n  command: node a.js\n  network:\n    port: 70000\n")).toThrow("port must be 1-65535");
    expect(bad("version: 1.0\nruntime: nodejs18\nrun:\n  command: node 'a.js\n")).toThrow("unterminated single quote");
    expect(bad("version: 1.0\nruntime: nodejs18\nrun:\n  command: node a.js\n  env:\n    - name: X\n")).toThrow("needs 'name' and 'value'");
    expect(bad("version: [1.0\n")).toThrow(ConfigError);
    expect(() => repositoryConfig(tempDir(), check)).toThrow("apprunner.yaml not found");
  });
});

describe("CodeConfigurationValues", () => {
  it("maps the API's values and App Runner's defaults", () => {
    const { plan, run } = apiConfig({ Runtime: "NODEJS_18", RuntimeEnvironmentVariables: { A: "1" }, RuntimeEnvironmentSecrets: { S: "plain" } }, check);
    expect(plan.commands).toEqual([]);
    expect(run).toMatchObject({ runtime: "nodejs", startCommand: "npm start", port: 8080, env: { A: "1", S: "plain" } });
    expect(() => apiConfig({ Runtime: "PYTHON_3" }, check)).toThrow("StartCommand is required");
    expect(() => apiConfig({ Runtime: "NODEJS_22", StartCommand: "node a.js", Port: "http" }, check)).toThrow("port must be 1-65535");
  });

  it("uses App Runner's health check defaults", () => {
    expect(check).toEqual({ protocol: "TCP", path: "/", intervalMs: 5000, timeoutMs: 2000, healthyThreshold: 1, unhealthyThreshold: 5 });
    const http = healthCheckOf(serviceShape({ healthCheck: { Protocol: "HTTP", Path: "/health", Interval: 10, Timeout: 3, HealthyThreshold: 2, UnhealthyThreshold: 4 } }));
    expect(http).toEqual({ protocol: "HTTP", path: "/health", intervalMs: 10_000, timeoutMs: 3000, healthyThreshold: 2, unhealthyThreshold: 4 });
  });
});
