import { spawnSync } from "node:child_process";
import type { Service } from "@aws-sdk/client-apprunner";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { exportApprunnerYaml } from "./export-apprunner-yaml";
import { exportCliCommand, shellQuote } from "./export-cli-command";
import { serviceLink, toServiceView } from "./service-view";

const service = {
  ServiceName: "node-hello",
  ServiceId: "0123456789abcdef0123456789abcdef",
  ServiceArn: "arn:aws:apprunner:eu-west-1:123456789012:service/node-hello/0123456789abcdef0123456789abcdef",
  Status: "RUNNING",
  SourceConfiguration: {
    CodeRepository: {
      RepositoryUrl: "/srv/it's here",
      SourceCodeVersion: { Type: "BRANCH", Value: "main" },
      CodeConfiguration: {
        ConfigurationSource: "API",
        CodeConfigurationValues: {
          Runtime: "NODEJS_22",
          BuildCommand: "npm ci",
          StartCommand: "node server.js",
          Port: "8080",
          RuntimeEnvironmentVariables: { MESSAGE: "$(touch /tmp/pwned) 'quoted'" },
          RuntimeEnvironmentSecrets: { TOKEN: "super-secret-value" },
        },
      },
    },
    AutoDeploymentsEnabled: false,
  },
  InstanceConfiguration: { Cpu: "1 vCPU", Memory: "2 GB" },
} as unknown as Service;

describe("export", () => {
  const view = toServiceView(service);

  it("never carries secret values", () => {
    expect(JSON.stringify(view)).not.toContain("super-secret-value");
    expect(exportApprunnerYaml(view)).not.toContain("super-secret-value");
    expect(exportCliCommand(view, { region: "eu-west-1" })).not.toContain("super-secret-value");
  });

  it("writes an apprunner.yaml App Runner can read", () => {
    const text = exportApprunnerYaml(view) ?? "";
    const doc = parse(text) as {
      version: number;
      runtime: string;
      build: { commands: { build: string[] } };
      run: { command: string; network: { port: number }; env: unknown[]; secrets: { name: string }[] };
    };
    expect(doc.version).toBe(1);
    expect(text).toContain("version: 1.0");
    expect(doc.runtime).toBe("nodejs22");
    expect(doc.build.commands.build).toEqual(["npm ci"]);
    expect(doc.run.command).toBe("node server.js");
    expect(doc.run.network.port).toBe(8080);
    expect(doc.run.env).toEqual([{ name: "MESSAGE", value: "$(touch /tmp/pwned) 'quoted'" }]);
    expect(doc.run.secrets[0]?.name).toBe("TOKEN");
  });

  it("builds a CLI command whose arguments survive a real shell unchanged", () => {
    const cmd = exportCliCommand(view, { region: "eu-west-1", endpointUrl: "http://127.0.0.1:4580" });
    // Replace `aws` by a printer and let bash parse the exact text a user would paste.
    const script = `aws() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${cmd}`;
    const out = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    const args = out.stdout.split("\0").slice(0, -1);
    expect(args.slice(0, 2)).toEqual(["apprunner", "create-service"]);
    const source = JSON.parse(args[args.indexOf("--source-configuration") + 1] ?? "{}");
    expect(source.CodeRepository.RepositoryUrl).toBe("/srv/it's here");
    expect(source.CodeRepository.CodeConfiguration.CodeConfigurationValues.RuntimeEnvironmentVariables.MESSAGE).toBe("$(touch /tmp/pwned) 'quoted'");
    expect(args[args.indexOf("--service-name") + 1]).toBe("node-hello");
    expect(args[args.indexOf("--endpoint-url") + 1]).toBe("http://127.0.0.1:4580");
  });

  it("quotes only when needed", () => {
    expect(shellQuote("us-east-1")).toBe("us-east-1");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it("links local runtime hosts over http and AWS hosts over https", () => {
    expect(serviceLink("a.b.localhost:4581")).toBe("http://a.b.localhost:4581");
    expect(serviceLink("abc.us-east-1.awsapprunner.com")).toBe("https://abc.us-east-1.awsapprunner.com");
    expect(serviceLink(undefined)).toBeUndefined();
  });

  it("writes the start command that really runs when the service has none (App Runner requires run.command)", () => {
    const bare = structuredClone(service) as Service;
    delete bare.SourceConfiguration?.CodeRepository?.CodeConfiguration?.CodeConfigurationValues?.StartCommand;
    const doc = parse(exportApprunnerYaml(toServiceView(bare)) ?? "") as { run: { command?: string } };
    expect(doc.run.command).toBe("npm start");
  });

  it("has no apprunner.yaml for image services", () => {
    const img = toServiceView({ ...service, SourceConfiguration: { ImageRepository: { ImageIdentifier: "public.ecr.aws/a/b:1", ImageRepositoryType: "ECR_PUBLIC" } } } as Service);
    expect(exportApprunnerYaml(img)).toBeUndefined();
  });
});
