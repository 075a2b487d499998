import { lstat, mkdir, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

// An artifact's path comes from whoever uploaded it. bkci writes only inside --output-dir: a path that is
// absolute, climbs out with `..`, or reaches out through a symlink already on disk is refused.

export type SafePath = { ok: true; path: string } | { ok: false; reason: string };

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
};

/** Where the artifact may be written, by its path alone (nothing touched on disk). */
export function plannedPath(outputDir: string, artifactPath: string): SafePath {
  const normalized = artifactPath.replaceAll("\\", "/");
  if (normalized === "" || normalized.includes("\0")) return { ok: false, reason: "the artifact has no usable path" };
  if (isAbsolute(normalized) || /^[A-Za-z]:/.test(normalized))
    return { ok: false, reason: "the artifact's path is absolute; it would be written outside --output-dir" };
  if (normalized.split("/").includes(".."))
    return { ok: false, reason: "the artifact's path climbs out with ..; it would be written outside --output-dir" };
  const root = resolve(outputDir);
  const target = resolve(root, normalized);
  if (!inside(root, target)) return { ok: false, reason: "the artifact's path leads outside --output-dir" };
  return { ok: true, path: target };
}

/**
 * Makes the target's directories, then checks that, with every symlink on the way resolved, the directory
 * is still inside the output directory, and that the target itself is not a symlink to be written through.
 */
export async function preparedPath(outputDir: string, target: string): Promise<SafePath> {
  const root = resolve(outputDir);
  const parent = join(target, "..");
  await mkdir(parent, { recursive: true });
  const [realRoot, realParent] = await Promise.all([realpath(root), realpath(parent)]);
  if (realParent !== realRoot && !inside(realRoot, realParent))
    return { ok: false, reason: "a symlink in the artifact's path leads outside --output-dir" };
  const existing = await lstat(target).catch(() => null);
  if (existing?.isSymbolicLink())
    return { ok: false, reason: "the artifact's path is a symlink; not writing through it" };
  if (existing?.isDirectory()) return { ok: false, reason: "a directory is in the way of the artifact's path" };
  return { ok: true, path: join(realParent, relative(parent, target)) };
}
