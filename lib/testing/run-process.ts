// Runs a TypeScript file as its own Node process (tsx), the way a second console process
// would run: its own database connection, its own event loop. Resolves with its stdout
// parsed as JSON. "react-server" lets it import server-only modules, as the console does.
// Its input goes as one JSON argument (read with fixtureInput), not through the environment,
// which only lib/env.ts reads.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export function runProcess<T>(file: string, input: Record<string, string | number>, timeoutMs = 200_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", file, JSON.stringify(input)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${path.basename(file)} exited ${code ?? signal}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as T);
      } catch {
        reject(new Error(`${path.basename(file)} printed no JSON result: ${out.slice(-500)} ${err.slice(-1500)}`));
      }
    });
  });
}

/** In a file run by runProcess: the input it was given. */
export function fixtureInput<T extends Record<string, string | number>>(): T {
  return JSON.parse(process.argv[2] ?? "{}") as T;
}
