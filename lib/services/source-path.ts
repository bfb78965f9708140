// Which repository URLs name a folder on this machine (the local runtime reads those from disk),
// and whether that folder is there. Git URLs of hosted repositories are checked when the service
// builds; a local path we can check before anything is created.
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The absolute local path a repository URL names, or undefined for a remote repository (or a relative path, resolved by the runtime). */
export function localSourcePath(repositoryUrl: string): string | undefined {
  const url = repositoryUrl.trim();
  if (url.startsWith("file://")) {
    try {
      return fileURLToPath(url);
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(url) ? url : undefined;
}

/** A message for the form when the folder is missing or not a folder; undefined when it is fine (or not local). */
export async function checkLocalSource(repositoryUrl: string, sourceDirectory?: string): Promise<string | undefined> {
  const root = localSourcePath(repositoryUrl);
  if (!root) return undefined;
  const dir = sourceDirectory ? path.join(root, sourceDirectory) : root;
  const info = await stat(dir).catch(() => undefined);
  if (!info) return `No folder at ${dir} on the machine running the local runtime. Check the path; nothing was created.`;
  if (!info.isDirectory()) return `${dir} is a file; give the folder that holds the app.`;
  return undefined;
}
