// The downloadable plan: express-service.json for --cli-input-json, the Dockerfile and image
// script when there is one, the IAM documents and script, and a README of the steps. Zipped with
// fflate; file dates fixed to the plan's date so the same plan gives the same archive.
import { strToU8, zipSync, type Zippable } from "fflate";
import type { MigrationPlan } from "./build-plan";
import { planReadme } from "./plan-readme";
import type { MigrationCost } from "./migration-cost";

export function bundleFiles(plan: MigrationPlan, cost: MigrationCost | null, createdAt: Date): Record<string, string> {
  const files: Record<string, string> = {
    "express-service.json": `${JSON.stringify(plan.request, null, 2)}\n`,
    "README.md": planReadme(plan, cost, createdAt),
    "iam/create-roles.sh": ["#!/bin/sh", "set -eu", ...plan.iam.commands, ""].join("\n"),
  };
  for (const [name, doc] of Object.entries(plan.iam.files)) files[name] = `${JSON.stringify(doc, null, 2)}\n`;
  if (plan.image) {
    files.Dockerfile = plan.image.dockerfile;
    files["image/build-and-push.sh"] = ["#!/bin/sh", "# Run from the repository checkout with this Dockerfile at its root.", "set -eu", ...plan.image.commands, ""].join("\n");
  }
  return files;
}

export function zipBundle(files: Record<string, string>, folder: string, date: Date): Uint8Array {
  const tree: Zippable = {};
  for (const [name, text] of Object.entries(files)) tree[`${folder}/${name}`] = [strToU8(text), { mtime: date }];
  return zipSync(tree, { level: 6 });
}
