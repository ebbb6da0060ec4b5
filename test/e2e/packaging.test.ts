/**
 * The published package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix (a real install from the registry, better-sqlite3's install script included),
 * then the installed `letta` runs `--version` and a headless turn on the local backend against the
 * fake provider. dist/ bundles everything else, so the install must hold only better-sqlite3 and
 * what better-sqlite3 itself needs.
 *
 * The install takes a few seconds when better-sqlite3's prebuilt binary can be had (downloaded, or
 * in ~/.npm/_prebuilds from an earlier install) and about a minute and a half when it is compiled
 * from source (no access to GitHub's release downloads).
 */
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { setPriority, tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FakeProvider } from "../support/fakeProviders/index.js"

const ROOT = resolve(import.meta.dirname, "../..")
const PKG: { readonly version: string } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"))
const INSTALL_TIMEOUT_MS = 300_000

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command in its own process group, killed (group and all) if it overruns `timeoutMs`. */
const run = (
  command: string,
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number; readonly lowPriority?: boolean }
): Promise<Run> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true })
    // A compile of better-sqlite3 should not slow the tests running beside this one.
    if (options.lowPriority === true && child.pid !== undefined) {
      try {
        setPriority(child.pid, 19)
      } catch {
        // not allowed here: run at normal priority
      }
    }
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL")
      } catch {
        child.kill("SIGKILL")
      }
      reject(new Error(`${command} ${args.join(" ")} did not finish within ${options.timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, options.timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("close", (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
  })

/** npm's environment without what `npm test` exports about this project (its prefix, its package.json). */
const npmEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|config_(prefix|global_prefix|local_prefix|call)$)/i.test(key)) continue
    env[key] = value
  }
  return env
}

interface Installed {
  readonly name: string
  readonly dir: string
  readonly json: {
    readonly dependencies?: Record<string, string>
    readonly optionalDependencies?: Record<string, string>
    readonly peerDependencies?: Record<string, string>
    readonly scripts?: Record<string, string>
  }
}

/** Every package under `nodeModules`, nested node_modules included. */
const installedPackages = (nodeModules: string): Array<Installed> => {
  if (!existsSync(nodeModules)) return []
  const dirs = readdirSync(nodeModules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .flatMap((entry) =>
      entry.name.startsWith("@")
        ? readdirSync(join(nodeModules, entry.name), { withFileTypes: true })
            .filter((scoped) => scoped.isDirectory())
            .map((scoped) => join(nodeModules, entry.name, scoped.name))
        : [join(nodeModules, entry.name)]
    )
  return dirs.flatMap((dir) => {
    const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
    return [{ name: String(json.name), dir, json }, ...installedPackages(join(dir, "node_modules"))]
  })
}

let root: string
let tarballFiles: ReadonlyArray<string>
let install: Run
let prefix: string
let packageDir: string

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "letta-packaging-")))
  prefix = join(root, "prefix")
  mkdirSync(join(root, "pack"))
  const pack = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", join(root, "pack")], {
    cwd: ROOT,
    env: npmEnv(),
    timeoutMs: 60_000
  })
  if (pack.code !== 0) throw new Error(`npm pack failed (exit ${pack.code}): ${pack.stderr}`)
  const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
  if (packed === undefined) throw new Error(`npm pack printed no package: ${pack.stdout}`)
  tarballFiles = packed.files.map((file) => file.path).sort()
  install = await run(
    "npm",
    ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", "--no-update-notifier", join(root, "pack", packed.filename)],
    { cwd: root, env: npmEnv(), timeoutMs: INSTALL_TIMEOUT_MS, lowPriority: true }
  )
  if (install.code !== 0) throw new Error(`npm install -g failed (exit ${install.code}):\n${install.stdout}\n${install.stderr}`)
  packageDir = join(prefix, "lib", "node_modules", "letta")
}, INSTALL_TIMEOUT_MS + 60_000)

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
})

describe("the packed and globally installed letta", () => {
  it("ships the runtime bundle and the schemas, not the fake servers", () => {
    const shipped = tarballFiles.filter((file) => file.startsWith("dist/"))
    const built = readdirSync(join(ROOT, "dist"))
      .map((file) => `dist/${file}`)
      .filter((file) => !file.startsWith("dist/fake-"))
      .sort()
    expect(shipped).toEqual(built)
    expect(shipped).toEqual(expect.arrayContaining(["dist/letta.js", "dist/letta-main.cjs", "dist/letta-main.cjs.cache", "dist/letta-tui.cjs", "dist/letta-yaml.cjs", "dist/grep-worker.cjs", "dist/package.json"]))
    for (const file of tarballFiles.filter((f) => !f.startsWith("dist/"))) {
      expect(file).toMatch(/^(package\.json|README\.md|LICENSE[^/]*|schemas\/[^/]+\.schema\.json)$/)
    }
  })

  it("installs better-sqlite3 and its own dependencies, nothing else", () => {
    const installed = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"))
    expect(Object.keys(installed.dependencies ?? {})).toEqual(["better-sqlite3"])
    const packages = installedPackages(join(packageDir, "node_modules"))
    // What better-sqlite3 needs, transitively (by name, through the installed package.json files).
    const needed = new Set(["better-sqlite3"])
    for (let grew = true; grew; ) {
      grew = false
      for (const pkg of packages.filter((p) => needed.has(p.name))) {
        const { dependencies = {}, optionalDependencies = {}, peerDependencies = {} } = pkg.json
        for (const name of Object.keys({ ...dependencies, ...optionalDependencies, ...peerDependencies })) {
          if (!needed.has(name)) {
            needed.add(name)
            grew = true
          }
        }
      }
    }
    expect(packages.map((p) => p.name)).toContain("better-sqlite3")
    expect(packages.map((p) => p.name).filter((name) => !needed.has(name))).toEqual([])
    // Nothing the bundle holds was installed beside it.
    expect(packages.map((p) => p.name).filter((name) => /^(effect|@effect\/|ink$|react$|@letta-ai\/)/.test(name))).toEqual([])
    // The native module resolves from the installed bundle's directory, to the package's own copy.
    expect(createRequire(join(packageDir, "dist", "letta.js")).resolve("better-sqlite3")).toBe(
      join(packageDir, "node_modules", "better-sqlite3", "lib", "index.js")
    )
  })

  it("runs install scripts of better-sqlite3 only (and npm warns about no other)", () => {
    const withScripts = installedPackages(join(packageDir, "node_modules"))
      .filter((p) => ["preinstall", "install", "postinstall"].some((s) => p.json.scripts?.[s] !== undefined) || existsSync(join(p.dir, "binding.gyp")))
      .map((p) => p.name)
    expect(withScripts).toEqual(["better-sqlite3"])
    // npm 11 lists the packages whose install scripts ran without being allowed.
    const output = `${install.stdout}\n${install.stderr}`
    const warned = [...output.matchAll(/install-scripts\s+((?:@[^/\s]+\/)?[^@\s]+)@\d/g)].map((m) => m[1])
    expect(warned.filter((name) => name !== "better-sqlite3")).toEqual([])
  })

  it("`letta --version` answers from the installed bin", async () => {
    const result = await run(join(prefix, "bin", "letta"), ["--version"], { cwd: root, env: process.env, timeoutMs: 20_000 })
    expect(result).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: "" })
  })

  it("a headless turn on the local backend runs from the installed package", async () => {
    const fake = await FakeProvider.start("openai-chat")
    try {
      fake.enqueue({ text: "hi from packaged" })
      const home = join(root, "home")
      const project = join(root, "project")
      mkdirSync(home)
      mkdirSync(project)
      const env: NodeJS.ProcessEnv = {}
      for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("LETTA_")) env[key] = value
      const result = await run(join(prefix, "bin", "letta"), ["-p", "hi", "--model", "ollama/qwen3"], {
        cwd: project,
        env: { ...env, HOME: home, OLLAMA_HOST: fake.origin, NO_COLOR: "1" },
        timeoutMs: 30_000
      })
      expect(result).toEqual({ code: 0, stdout: "hi from packaged\n", stderr: "" })
      expect(fake.requests.some((r) => r.method === "POST" && r.path === "/v1/chat/completions")).toBe(true)
      // The local backend's store is SQLite: better-sqlite3 loaded from the install.
      const files = readdirSync(join(home, ".letta"), { recursive: true, encoding: "utf8" })
      expect(files.some((file) => file.endsWith(".db"))).toBe(true)
    } finally {
      await fake.close()
    }
  })
})
