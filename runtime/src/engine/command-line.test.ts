import { describe, expect, it } from "vitest";
import { CommandSyntaxError, formatArgv, mapProgram, parseCommand } from "./command-line.js";

describe("parseCommand", () => {
  it("splits words and respects single and double quotes", () => {
    expect(parseCommand(`node server.js --name 'my app' --title "a \\"quoted\\" word"`)).toEqual([
      { env: {}, argv: ["node", "server.js", "--name", "my app", "--title", 'a "quoted" word'] },
    ]);
  });

  it("keeps shell syntax literal: no injection through ; $() or backticks", () => {
    const [step] = parseCommand("node server.js ; rm -rf x $(touch pwned) `id` | cat > out");
    expect(step!.argv).toEqual(["node", "server.js", ";", "rm", "-rf", "x", "$(touch", "pwned)", "`id`", "|", "cat", ">", "out"]);
    expect(parseCommand("echo 'a && b'")[0]!.argv).toEqual(["echo", "a && b"]);
  });

  it("runs && chains as separate steps", () => {
    expect(parseCommand("npm ci&&npm run build && node dist/main.js").map((s) => s.argv)).toEqual([
      ["npm", "ci"],
      ["npm", "run", "build"],
      ["node", "dist/main.js"],
    ]);
  });

  it("reads leading NAME=value words as variables for the step, not quoted ones", () => {
    expect(parseCommand("NODE_ENV=production DEBUG='a b' node app.js X=1")).toEqual([
      { env: { NODE_ENV: "production", DEBUG: "a b" }, argv: ["node", "app.js", "X=1"] },
    ]);
    expect(parseCommand("'A=1' node")[0]!.argv).toEqual(["A=1", "node"]);
    expect(parseCommand("A=1")[0]!.argv).toEqual(["A=1"]);
  });

  it("handles backslash escapes outside quotes", () => {
    expect(parseCommand("echo a\\ b \\$HOME")[0]!.argv).toEqual(["echo", "a b", "$HOME"]);
  });

  it("rejects unterminated quotes and empty steps", () => {
    expect(() => parseCommand("node 'server.js")).toThrow(CommandSyntaxError);
    expect(() => parseCommand('node "x')).toThrow(/unterminated double quote/);
    expect(() => parseCommand("   ")).toThrow(/empty command/);
    expect(() => parseCommand("a && && b")).toThrow(/empty step/);
  });
});

describe("mapProgram and formatArgv", () => {
  it("maps runtime programs to this machine", () => {
    expect(mapProgram("node")).toBe(process.execPath);
    expect(mapProgram("python")).toBe("python3");
    expect(mapProgram("pip")).toBe("pip3");
    expect(mapProgram("./start.sh")).toBe("./start.sh");
  });

  it("quotes arguments for display", () => {
    expect(formatArgv(["echo", "a b", "it's", "plain"])).toBe(`echo 'a b' 'it'\\''s' plain`);
  });
});
