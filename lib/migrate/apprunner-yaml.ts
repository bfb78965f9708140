// A repository's apprunner.yaml (configuration source REPOSITORY): App Runner reads build and run
// settings from it instead of the API, so DescribeService does not show them. Parsed with zod so a
// file we cannot use says which field is wrong instead of yielding a half-made Dockerfile.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { parse } from "yaml";
import { z } from "zod";

const commands = z.array(z.union([z.string(), z.number()]).transform(String)).optional();
const nameValue = z.object({ name: z.string().min(1), value: z.union([z.string(), z.number(), z.boolean()]).transform(String) });

const schema = z.object({
  version: z.union([z.number(), z.string()]).optional(),
  runtime: z.string({ error: "required (e.g. nodejs22, python311)" }).min(1),
  build: z
    .object({
      commands: z.object({ "pre-build": commands, build: commands, "post-build": commands }).partial().optional(),
      env: z.array(nameValue).optional(),
    })
    .optional(),
  run: z.object(
    {
      "runtime-version": z.union([z.string(), z.number()]).transform(String).optional(),
      "pre-run": commands,
      command: z.string({ error: "required" }).min(1, "required"),
      network: z.object({ port: z.coerce.number().int().min(1).max(65535).optional() }).optional(),
      env: z.array(nameValue).optional(),
      secrets: z.array(z.object({ name: z.string().min(1), "value-from": z.string().min(1) })).optional(),
    },
    { error: "required" },
  ),
});

export interface RepositoryConfig {
  /** App Runner's runtime in the API's spelling (NODEJS_22), for one table of base images */
  runtime: string;
  buildCommands: string[];
  startCommand: string;
  port?: number;
  env: { name: string; value: string }[];
  secrets: { name: string; valueFrom: string }[];
}

/** apprunner.yaml runtimes (nodejs22, python311, corretto11) in the API's spelling (NODEJS_22, PYTHON_311). */
export function apiRuntimeName(yamlRuntime: string): string {
  const m = /^([a-z]+?)(\d+)$/i.exec(yamlRuntime.trim());
  if (!m) return yamlRuntime.toUpperCase();
  const [, lang, ver] = m as unknown as [string, string, string];
  if (lang.toLowerCase() === "python" && ver === "3") return "PYTHON_3";
  return `${lang.toUpperCase()}_${ver}`;
}

export type ParsedRepositoryConfig = { ok: true; config: RepositoryConfig } | { ok: false; error: string };

export function parseApprunnerYaml(text: string): ParsedRepositoryConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { ok: false, error: `apprunner.yaml is not valid YAML: ${(err as Error).message.split("\n")[0]}` };
  }
  const r = schema.safeParse(doc);
  if (!r.success) {
    const first = r.error.issues[0];
    return { ok: false, error: `apprunner.yaml: ${first?.path.join(".") || "file"}: ${first?.message ?? "invalid"}` };
  }
  const c = r.data;
  const cmds = c.build?.commands ?? {};
  return {
    ok: true,
    config: {
      runtime: apiRuntimeName(c.runtime),
      // pre-run runs in the run image at build time (revised builds): in one image, after the build.
      buildCommands: [...(cmds["pre-build"] ?? []), ...(cmds.build ?? []), ...(cmds["post-build"] ?? []), ...(c.run["pre-run"] ?? [])],
      startCommand: c.run.command,
      ...(c.run.network?.port ? { port: c.run.network.port } : {}),
      env: c.run.env ?? [],
      secrets: (c.run.secrets ?? []).map((s) => ({ name: s.name, valueFrom: s["value-from"] })),
    },
  };
}
