import { describe, expect, it } from "vitest";
import { apiRuntimeName, parseApprunnerYaml } from "./apprunner-yaml";

describe("apprunner.yaml", () => {
  it("reads build, run, port, env and secrets", () => {
    const r = parseApprunnerYaml("version: 1.0\nruntime: python311\nbuild:\n  commands:\n    build:\n      - pip install -r requirements.txt\nrun:\n  pre-run:\n    - python manage.py collectstatic\n  command: gunicorn app:app\n  network:\n    port: 8000\n  env:\n    - name: DEBUG\n      value: false\n");
    expect(r).toEqual({
      ok: true,
      config: { runtime: "PYTHON_311", buildCommands: ["pip install -r requirements.txt", "python manage.py collectstatic"], startCommand: "gunicorn app:app", port: 8000, env: [{ name: "DEBUG", value: "false" }], secrets: [] },
    });
  });

  it("names the field that is wrong", () => {
    expect(parseApprunnerYaml("runtime: nodejs22\nrun: {}\n")).toEqual({ ok: false, error: "apprunner.yaml: run.command: required" });
    expect(parseApprunnerYaml("run:\n  command: x\n")).toEqual({ ok: false, error: "apprunner.yaml: runtime: required (e.g. nodejs22, python311)" });
    expect(parseApprunnerYaml("runtime: [")).toMatchObject({ ok: false, error: expect.stringMatching(/^apprunner.yaml is not valid YAML/) });
  });

  it("spells runtimes as the API does", () => {
    expect(apiRuntimeName("nodejs22")).toBe("NODEJS_22");
    expect(apiRuntimeName("python3")).toBe("PYTHON_3");
    expect(apiRuntimeName("corretto11")).toBe("CORRETTO_11");
  });
});
