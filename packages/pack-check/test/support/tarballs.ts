import { readFileSync } from "node:fs"
import { join } from "node:path"
import { run } from "./run.js"

export const workspaceRoot = join(import.meta.dirname, "../../../..")

/** The packages an embedder installs; each must build and pack on its own. */
export const installable = [
  "@carepanel/core",
  "@carepanel/store-sql",
  "@carepanel/notify-email",
  "@carepanel/notify-webhook",
  "@carepanel/notify-contract",
  "@carepanel/store-contract"
] as const

export interface Packed {
  readonly name: string
  /** Absolute path of the tarball. */
  readonly tarball: string
  /** Paths inside the tarball, e.g. `dist/index.js`. */
  readonly files: ReadonlyArray<string>
  readonly manifest: PackageManifest
}

export interface PackageManifest {
  readonly types?: string
  readonly exports: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly bin?: Readonly<Record<string, string>>
}

const folderOf = (name: string) => join(workspaceRoot, "packages", name.replace("@carepanel/", ""))

/** `npm pack` of every installable package (already built by turbo's `^build`) into `destination`. */
export const packAll = async (destination: string): Promise<ReadonlyArray<Packed>> => {
  const workspaces = installable.flatMap((name) => ["-w", name])
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", destination, ...workspaces], workspaceRoot)
  const results = JSON.parse(stdout) as ReadonlyArray<{ name: string; filename: string; files: ReadonlyArray<{ path: string }> }>
  return results.map((result) => ({
    name: result.name,
    tarball: join(destination, result.filename),
    files: result.files.map((file) => file.path),
    manifest: JSON.parse(readFileSync(join(folderOf(result.name), "package.json"), "utf8")) as PackageManifest
  }))
}
