import { describe, expect, it } from "vitest";
import { REDACTED, formDataToObject, redact, summarize } from "@/lib/audit/redact";

describe("audit request redaction", () => {
  it("masks secret-looking keys at any depth, keeps the rest", () => {
    const out = redact({
      name: "api",
      password: "hunter2",
      nested: { secretAccessKey: "abc", apiToken: "t", accessKeyId: "AKIA123", ServiceName: "web" },
      list: [{ credential: "c" }],
    });
    expect(out).toEqual({
      name: "api",
      password: REDACTED,
      nested: { secretAccessKey: REDACTED, apiToken: REDACTED, accessKeyId: "AKIA123", ServiceName: "web" },
      list: [{ credential: REDACTED }],
    });
  });

  it("keeps only the names of environment variables, in every shape they arrive", () => {
    expect(redact({ RuntimeEnvironmentVariables: { DB_URL: "postgres://u:p@h/db", MODE: "prod" } })).toEqual({ RuntimeEnvironmentVariables: ["DB_URL", "MODE"] });
    expect(redact({ env: [{ name: "A", value: "1" }] })).toEqual({ env: ["A"] });
    expect(redact({ environment: "A=1\nB=two" })).toEqual({ environment: ["A", "B"] });
    expect(JSON.stringify(redact({ ImageRepository: { ImageConfiguration: { RuntimeEnvironmentSecrets: { K: "arn:secret" } } } }))).not.toContain("arn:secret");
  });

  it("reads FormData, skipping Next's internal fields", () => {
    const fd = new FormData();
    fd.set("$ACTION_ID_abc", "");
    fd.set("email", "a@b.c");
    fd.set("password", "pw");
    fd.append("regions", "us-east-1");
    fd.append("regions", "eu-west-1");
    expect(formDataToObject(fd)).toMatchObject({ email: "a@b.c", regions: ["us-east-1", "eu-west-1"] });
    expect(redact(fd)).toEqual({ email: "a@b.c", password: REDACTED, regions: ["us-east-1", "eu-west-1"] });
  });

  it("caps the stored summary", () => {
    const s = summarize({ big: "x".repeat(10_000), more: Array.from({ length: 100 }, (_, i) => `item-${i}-${"y".repeat(400)}`) });
    expect(s!.length).toBeLessThanOrEqual(4001);
    expect(summarize(undefined)).toBeNull();
  });
});
