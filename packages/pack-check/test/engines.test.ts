import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import semver from "semver"
import { describe, expect, it } from "vitest"

/**
 * A council's IT team installs Carepanel on the Node the README names. A package in the lock file whose `engines` leave
 * that Node out makes `npm install` warn "Unsupported engine", and may use what that Node lacks: the lock keeps such
 * packages out (the root package.json's `overrides` hold yoga's helpers on their Node 20 releases).
 */
interface LockEntry {
  readonly version?: string
  readonly dev?: boolean
  readonly engines?: { readonly node?: string }
}

const lock = JSON.parse(repositoryFile("package-lock.json")) as { packages: Record<string, LockEntry> }
const declared = (JSON.parse(repositoryFile("package.json")) as { engines: { node: string } }).engines.node
const oldestSupported = semver.minVersion(declared)!.version

const leavingOut = (node: string, entries: ReadonlyArray<[string, LockEntry]>) =>
  entries
    .filter(([, entry]) => entry.engines?.node !== undefined && !semver.satisfies(node, entry.engines.node))
    .map(([path, entry]) => `${path}@${entry.version}: node ${entry.engines!.node}`)

const installed = Object.entries(lock.packages).filter(([path]) => path !== "")

describe("the Node versions the lock file's packages accept", () => {
  it(`every package accepts the Node running this install (${process.version}): no engine warning on npm install`, () => {
    expect(leavingOut(process.version, installed)).toEqual([])
  })

  it(`every package the apps run with accepts the oldest Node the product supports (${declared}, so ${oldestSupported})`, () => {
    expect(leavingOut(oldestSupported, installed.filter(([, entry]) => entry.dev !== true))).toEqual([])
  })
})
