import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("runtime configuration", () => {
  it("has the documented defaults, loopback first", () => {
    const c = loadConfig([], {}, "/srv/runway");
    expect(c).toMatchObject({ host: "127.0.0.1", apiPort: 4580, dataPort: 4581, dataDir: "/srv/runway/data/runtime", accountId: "000000000000", domainActivationSeconds: 5 });
    expect(c).toMatchObject({ startTimeoutSeconds: 60, sourcePollSeconds: 5 });
    expect(c.accessKeys.size).toBe(0);
  });

  it("reads env variables, and flags override them", () => {
    const env = { RUNWAY_RUNTIME_API_PORT: "5000", RUNWAY_RUNTIME_DATA_PORT: "5001", RUNWAY_RUNTIME_ACCESS_KEYS: "AK1:s1, AK2:s:2" };
    const c = loadConfig(["--api-port", "0", "--data-dir=/tmp/x", "--domain-activation-seconds", "0.5"], env, "/");
    expect(c.apiPort).toBe(0);
    expect(c.dataPort).toBe(5001);
    expect(c.dataDir).toBe("/tmp/x");
    expect(c.domainActivationSeconds).toBe(0.5);
    const timing = loadConfig(["--source-poll-seconds=0.5"], { RUNWAY_RUNTIME_START_TIMEOUT_SECONDS: "3", RUNWAY_RUNTIME_SOURCE_POLL_SECONDS: "9" });
    expect(timing).toMatchObject({ startTimeoutSeconds: 3, sourcePollSeconds: 0.5 });
    expect([...c.accessKeys]).toEqual([
      ["AK1", "s1"],
      ["AK2", "s:2"],
    ]);
  });

  it("refuses bad values and unknown flags with a message", () => {
    expect(() => loadConfig(["--api-port", "70000"], {})).toThrow(ConfigError);
    expect(() => loadConfig(["--apiport", "1"], {})).toThrow(/unknown option --apiport/);
    expect(() => loadConfig([], { RUNWAY_RUNTIME_ACCOUNT_ID: "123" })).toThrow(/12 digits/);
    expect(() => loadConfig([], { RUNWAY_RUNTIME_ACCESS_KEYS: "nosecret" })).toThrow(/AKID:SECRET/);
    expect(() => loadConfig(["--host"], {})).toThrow(/needs a value/);
    expect(() => loadConfig([], { RUNWAY_RUNTIME_START_TIMEOUT_SECONDS: "0" })).toThrow(/start timeout seconds must be a number > 0/);
    expect(() => loadConfig(["--source-poll-seconds", "soon"], {})).toThrow(/source poll seconds must be a number > 0/);
  });
});
