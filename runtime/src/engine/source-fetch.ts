// Fetches a service's source into its build directory. A source is a local
// directory (path or file:// URL), or a git repository (working or bare) in
// which case the tracked branch is cloned and its commit recorded.
import { existsSync, statSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { baseEnv, runCapture, type ProcessScope } from "./process-tools.js";

export class SourceError extends Error {
  override name = "SourceError";
}

export interface SourceLocation {
  /** Absolute path of the directory or repository. */
  root: string;
  git: boolean;
}

/** Resolves RepositoryUrl (a path or a file:// URL) to a local location. */
export function resolveSource(repositoryUrl: string): SourceLocation {
  let root: string;
  if (repositoryUrl.startsWith("file:")) {
    try {
      root = fileURLToPath(repositoryUrl);
    } catch {
      throw new SourceError(`Invalid file URL: ${repositoryUrl}`);
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repositoryUrl)) {
    throw new SourceError(
      `The local runtime reads source code from local directories and file:// git repositories only; cannot fetch ${repositoryUrl}`,
    );
  } else {
    root = path.resolve(repositoryUrl);
  }
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new SourceError(`Source repository not found: ${root} does not exist or is not a directory`);
  }
  return { root, git: isGitRepository(root) };
}

/** The directory itself is a repository (not merely inside one's working tree). */
function isGitRepository(dir: string): boolean {
  if (existsSync(path.join(dir, ".git"))) return true;
  return ["HEAD", "objects", "refs"].every((entry) => existsSync(path.join(dir, entry)));
}

/** SourceDirectory ("absolute from the repository root") as a safe relative path. */
export function sourceSubdirectory(sourceDirectory: string | undefined): string {
  const rel = path.posix.normalize(`/${sourceDirectory ?? ""}`).slice(1);
  if (rel.split("/").includes("..")) throw new SourceError(`SourceDirectory leaves the repository: ${sourceDirectory}`);
  return rel;
}

function gitEnv(): Record<string, string> {
  return { ...baseEnv(), GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" };
}

async function git(args: string[], cwd?: string, scope: ProcessScope = {}): Promise<string> {
  try {
    const { stdout } = await runCapture("git", args, { cwd, env: gitEnv(), scope, timeoutMs: 120_000 });
    return stdout.trim();
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new SourceError("command not found: git (needed for git repositories)");
    const detail = (e.stderr ?? e.message).trim().split("\n").filter(Boolean).pop() ?? e.message;
    throw new SourceError(detail);
  }
}

/** Head commit of a branch, or undefined when the branch does not exist. */
export async function branchHead(root: string, branch: string): Promise<string | undefined> {
  const out = await git(["ls-remote", "--heads", root, `refs/heads/${branch}`]);
  const line = out.split("\n").find((l) => l.endsWith(`refs/heads/${branch}`));
  return line?.split(/\s+/)[0];
}

export interface FetchedSource {
  /** Directory the build and start commands run in. */
  appDir: string;
  commit?: string;
  describe: string;
}

/**
 * Copies (directory) or clones (git, the given branch) the source into dest.
 * `exclude` keeps the runtime's own data directory out of a copy when it sits inside the source.
 */
export async function fetchSource(opts: {
  repositoryUrl: string;
  branch: string | undefined;
  sourceDirectory: string | undefined;
  dest: string;
  exclude: string[];
  scope?: ProcessScope;
}): Promise<FetchedSource> {
  const loc = resolveSource(opts.repositoryUrl);
  const sub = sourceSubdirectory(opts.sourceDirectory);
  if (loc.git) {
    const branch = opts.branch || "main";
    if ((await branchHead(loc.root, branch)) === undefined) {
      throw new SourceError(`Branch '${branch}' not found in git repository ${loc.root}`);
    }
    // file:// makes git honour --depth for a local repository.
    const url = `file://${loc.root}`;
    await git(["clone", "--quiet", "--depth", "1", "--single-branch", "--branch", branch, "--", url, opts.dest], undefined, opts.scope);
    const commit = await git(["rev-parse", "HEAD"], opts.dest, opts.scope);
    await rm(path.join(opts.dest, ".git"), { recursive: true, force: true });
    const appDir = path.join(opts.dest, sub);
    if (!existsSync(appDir)) throw new SourceError(`SourceDirectory /${sub} not found in branch '${branch}'`);
    return { appDir, commit, describe: `git repository ${loc.root}, branch ${branch}, commit ${commit.slice(0, 12)}` };
  }
  const from = path.join(loc.root, sub);
  if (!existsSync(from)) throw new SourceError(`SourceDirectory /${sub} not found in ${loc.root}`);
  const excluded = opts.exclude.map((p) => path.resolve(p));
  await cp(from, opts.dest, {
    recursive: true,
    filter: (src) => path.basename(src) !== ".git" && !excluded.some((x) => src === x || src.startsWith(x + path.sep)),
  });
  return { appDir: opts.dest, describe: `directory ${from}` };
}
