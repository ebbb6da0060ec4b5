// Benchmarks (PRODUCT.md §8, issue 5): medians over repeated runs of the BUILT binary, each
// beside a baseline measured in the same run. Prints a table and writes bench/results.json.
// Run with `npm run bench` (it builds first). Never part of `npm test`.
import { spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { FakeLettaServer } from "../dist/fake-server-lib.mjs"
import { helpLoadsNothingLocal, LOCAL_MODEL, localEnv, startLocalProvider, storeBench } from "./local.mjs"

const ROOT = resolve(import.meta.dirname, "..")
const LETTA = join(ROOT, "dist", "letta.js")
const RUNS = Number(process.env.BENCH_RUNS ?? 11)
const HAS_GNU_TIME = spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0
const HAS_HYPERFINE = spawnSync("hyperfine", ["--version"]).status === 0

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const tempDir = (prefix) => mkdtempSync(join(tmpdir(), prefix))

/** Runs a command once: wall time (ms), peak RSS (MiB, via GNU time when present), stdout. */
const runOnce = (command, args, { cwd, env } = {}) =>
  new Promise((resolvePromise, reject) => {
    const rssFile = join(tmpdir(), `letta-bench-rss-${process.pid}-${Math.random().toString(16).slice(2)}`)
    const [file, argv] = HAS_GNU_TIME ? ["/usr/bin/time", ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args]
    const started = process.hrtime.bigint()
    const child = spawn(file, argv, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => (stdout += chunk))
    child.stderr.on("data", (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000)
    child.on("error", reject)
    child.on("close", (code) => {
      clearTimeout(timer)
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      let rssMiB
      if (HAS_GNU_TIME) {
        rssMiB = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) / 1024
        rmSync(rssFile, { force: true })
      }
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`))
      else resolvePromise({ wallMs, rssMiB, stdout })
    })
  })

const measure = async (command, args, options = {}, runs = RUNS, before = () => {}) => {
  const walls = []
  const rss = []
  let last
  for (let i = 0; i < runs; i++) {
    await before(i)
    last = await runOnce(command, args, typeof options === "function" ? options(i) : options)
    walls.push(last.wallMs)
    if (last.rssMiB !== undefined) rss.push(last.rssMiB)
  }
  return { wallMs: median(walls), rssMiB: rss.length > 0 ? median(rss) : undefined, last }
}

/**
 * Measures two commands in alternation, run by run, so that both see the same machine: a shared
 * VM's speed drifts over a minute more than the gap a ratio row is about. Each is
 * `[file, args, { cwd, env, before }]`; `before(i)` runs before its command's i-th run.
 */
const measureAlternating = async (first, second, runs = RUNS) => {
  const results = [[], []]
  for (let i = 0; i < runs; i++) {
    for (const [index, [command, args, { before, ...options } = {}]] of [first, second].entries()) {
      await before?.(i)
      results[index].push(await runOnce(command, args, options))
    }
  }
  return results.map((list) => {
    const rss = list.flatMap((r) => (r.rssMiB === undefined ? [] : [r.rssMiB]))
    return { wallMs: median(list.map((r) => r.wallMs)), rssMiB: rss.length > 0 ? median(rss) : undefined, last: list[list.length - 1] }
  })
}

/**
 * Median wall times (ms) of `commands` (each `[file, args]`), by hyperfine when it is installed
 * (no shell, one warm-up run); undefined without it. Asynchronous: the fake server answers from
 * this process meanwhile. Peak RSS still comes from the runs above (hyperfine does not give it).
 */
const hyperfineMedians = (commands, { cwd, env } = {}, runs = RUNS) =>
  new Promise((resolvePromise, reject) => {
    if (!HAS_HYPERFINE) return resolvePromise(undefined)
    const exported = join(tmpdir(), `letta-bench-hyperfine-${process.pid}.json`)
    const quote = (word) => `'${word.replace(/'/g, "'\\''")}'`
    const commandLines = commands.map(([file, args]) => [file, ...args].map(quote).join(" "))
    const args = ["-N", "--warmup", "1", "--runs", String(runs), "--export-json", exported, "--style", "none", ...commandLines]
    const child = spawn("hyperfine", args, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`hyperfine exited ${code}: ${stderr.slice(0, 500)}`))
      const results = JSON.parse(readFileSync(exported, "utf8")).results
      rmSync(exported, { force: true })
      resolvePromise(results.map((result) => result.median * 1000))
    })
  })

const rows = []
const row = (name, value, baseline, target, ok, note = "") => {
  rows.push({ name, value, baseline, target, ok, note })
}
const ms = (v) => `${v.toFixed(0)} ms`
const ms2 = (v) => `${v.toFixed(1)} ms`
const mib = (v) => (v === undefined ? "n/a" : `${v.toFixed(1)} MiB`)

// 1. Start-up
const [node0, version] = await measureAlternating([process.execPath, ["-e", "0"]], [process.execPath, [LETTA, "--version"]])
const help = await measure(process.execPath, [LETTA, "--help"])
const startWalls = await hyperfineMedians([
  [process.execPath, ["-e", "0"]],
  [process.execPath, [LETTA, "--version"]],
  [process.execPath, [LETTA, "--help"]]
])
if (startWalls !== undefined) [node0.wallMs, version.wallMs, help.wallMs] = startWalls
row("letta --version: wall", ms(version.wallMs), `node -e 0: ${ms(node0.wallMs)} (x${(version.wallMs / node0.wallMs).toFixed(2)})`, "<= 2.0x", version.wallMs <= 2 * node0.wallMs)
row("letta --version: peak RSS", mib(version.rssMiB), `node -e 0: ${mib(node0.rssMiB)}`, "< 80 MiB", version.rssMiB === undefined || version.rssMiB < 80)
row("letta --help: wall", ms(help.wallMs), `x${(help.wallMs / node0.wallMs).toFixed(2)} of node -e 0`, "-", true)
// LOCAL-BACKEND.md §7: the local backend is the default here (no LETTA_*), yet --help opens no database.
const provider = await startLocalProvider()
const helpCheck = await helpLoadsNothingLocal(runOnce, LETTA, provider)
row("letta --help: loads no SQLite, no provider", helpCheck.ok ? "yes" : "NO", helpCheck.detail, "none", helpCheck.ok)

// 2 and 3. Warm and cold headless turns against a zero-latency local fake server.
const server = await FakeLettaServer.start()
try {
  const home = tempDir("letta-bench-home-")
  const project = tempDir("letta-bench-proj-")
  const env = { HOME: home, LETTA_BASE_URL: server.url }
  await runOnce(process.execPath, [LETTA, "-p", "hi", "--output-format", "json"], { cwd: project, env })
  // The same turn on the local backend (LOCAL-BACKEND.md §7): agents in SQLite, the model
  // through the zero-latency fake Ollama provider. Its own home; no LETTA_* variable.
  const localHome = tempDir("letta-bench-home-")
  const localProject = tempDir("letta-bench-proj-")
  const local = { cwd: localProject, env: localEnv(localHome, provider) }
  provider.enqueue({ text: "hello" })
  await runOnce(process.execPath, [LETTA, "-p", "hi", "--backend", "local", "--model", `ollama/${LOCAL_MODEL}`, "--output-format", "json"], local)
  const requestCounts = []
  const providerCounts = []
  const beforeToken = []
  // Warm turns resume the agent (`--continue`); without it every run would create a new agent.
  // Cloud and local turns alternate run by run, for the ratio between them.
  const warmArgs = ["-p", "hi", "--continue", "--output-format", "json"]
  const [warm, localWarm] = await measureAlternating(
    [
      process.execPath,
      [LETTA, ...warmArgs],
      {
        cwd: project,
        env,
        before: () => {
          server.resetCounters()
          requestCounts.push(server.requests.length)
        }
      }
    ],
    [
      process.execPath,
      [LETTA, "--backend", "local", ...warmArgs],
      {
        ...local,
        before: () => {
          providerCounts.push(provider.requests.length)
          provider.enqueue({ text: "hello" })
        }
      }
    ]
  )
  const localRatio = localWarm.wallMs / warm.wallMs
  const cloudAlternated = warm.wallMs
  const perRun = requestCounts.map((start, i) => (requestCounts[i + 1] ?? server.requests.length) - start)
  const providerPerRun = providerCounts.map((start, i) => (providerCounts[i + 1] ?? provider.requests.length) - start)
  beforeToken.push(server.requestsBeforeFirstToken())
  const warmWall = await hyperfineMedians([[process.execPath, [LETTA, "-p", "hi", "--continue", "--output-format", "json"]]], { cwd: project, env })
  if (warmWall !== undefined) warm.wallMs = warmWall[0]
  row("warm turn: wall", ms(warm.wallMs), `node -e 0: ${ms(node0.wallMs)}`, "< 250 ms", warm.wallMs < 250)
  row("warm turn: peak RSS", mib(warm.rssMiB), "", "< 100 MiB", warm.rssMiB === undefined || warm.rssMiB < 100)
  row("warm turn: HTTP requests", String(median(perRun)), "reference 0.32: 14", "-", true)
  row("warm turn: round trips before first token", String(beforeToken[0]), "reference 0.32: 14", "<= 2", (beforeToken[0] ?? 99) <= 2)
  row(
    "local warm turn (fake Ollama provider): wall",
    ms(localWarm.wallMs),
    `cloud, same runs: ${ms(cloudAlternated)} (x${localRatio.toFixed(2)})`,
    "<= 1.2x",
    localRatio <= 1.2
  )
  row("local warm turn: peak RSS", mib(localWarm.rssMiB), `cloud: ${mib(warm.rssMiB)}`, "< 120 MiB", localWarm.rssMiB === undefined || localWarm.rssMiB < 120)
  row("local warm turn: provider requests", String(median(providerPerRun)), "listing + model info + the call", "-", true)
  rmSync(localHome, { recursive: true, force: true })
  rmSync(localProject, { recursive: true, force: true })

  const coldCounts = []
  const cold = await measure(
    process.execPath,
    [LETTA, "-p", "hi", "--output-format", "json"],
    () => ({ cwd: tempDir("letta-bench-proj-"), env: { HOME: tempDir("letta-bench-home-"), LETTA_BASE_URL: server.url } }),
    Math.max(5, Math.floor(RUNS / 2)),
    () => {
      server.resetCounters()
      coldCounts.push(server.requests.length)
    }
  )
  const coldPerRun = coldCounts.map((start, i) => (coldCounts[i + 1] ?? server.requests.length) - start)
  row("cold turn: wall", ms(cold.wallMs), `warm: ${ms(warm.wallMs)}`, "-", true)
  row("cold turn: peak RSS", mib(cold.rssMiB), "", "-", true)
  row("cold turn: HTTP requests", String(median(coldPerRun)), "reference 0.32: 22", "-", true)
  row("cold turn: round trips before first token", String(server.requestsBeforeFirstToken()), "", "-", true)

  // 4. Streaming: 10 000 and 100 000 token events.
  for (const format of ["stream-json", "text"]) {
    const results = {}
    for (const tokens of [10_000, 100_000]) {
      results[tokens] = await measure(
        process.execPath,
        [LETTA, "-p", "stream", "--continue", "--output-format", format],
        { cwd: project, env },
        3,
        () => server.enqueue([{ text: "abcd".repeat(tokens), tokenCount: tokens }])
      )
    }
    const small = results[10_000]
    const large = results[100_000]
    // Linear means the per-event cost stays the same: (t100k - t10k) / 90k ≈ t10k's share per event.
    const fixed = warm.wallMs
    const perEventSmall = (small.wallMs - fixed) / 10_000
    const perEventLarge = (large.wallMs - fixed) / 100_000
    const ratio = perEventLarge / perEventSmall
    row(`stream ${format}: 10k events`, ms(small.wallMs), `RSS ${mib(small.rssMiB)}`, "-", true)
    row(`stream ${format}: 100k events`, ms(large.wallMs), `RSS ${mib(large.rssMiB)}`, "-", true)
    // <= 1 means the marginal cost per event does not grow with the stream (no O(n²) anywhere).
    row(`stream ${format}: per-event cost 100k/10k`, ratio.toFixed(2), "1.00 = linear", "<= 1.15", ratio <= 1.15)
    const growth = large.rssMiB !== undefined && small.rssMiB !== undefined ? large.rssMiB - small.rssMiB : undefined
    row(`stream ${format}: RSS growth 10k→100k`, mib(growth), "", "< 20 MiB", growth === undefined || growth < 20)
  }

  // 4b. One 32 MiB event (issue 14): the SSE parser is linear, and one event's memory bounded.
  for (const format of ["text", "stream-json"]) {
    const big = await measure(
      process.execPath,
      [LETTA, "-p", "big", "--continue", "--output-format", format],
      { cwd: project, env },
      3,
      () => server.enqueue([{ text: "a".repeat(32 * 1024 * 1024), tokenCount: 1 }])
    )
    row(`one 32 MiB event, ${format}: wall`, ms(big.wallMs), "before: ~14 s (quadratic parse)", "<= 5000 ms", big.wallMs <= 5000)
    row(`one 32 MiB event, ${format}: peak RSS`, mib(big.rssMiB), "before: ~575-810 MiB", "< 400 MiB", big.rssMiB === undefined || big.rssMiB < 400)
  }

  // 5. A 20-step tool turn: client overhead per step.
  writeFileSync(join(project, "small.txt"), "one\ntwo\nthree\n")
  const steps = []
  for (let i = 0; i < 20; i++) {
    steps.push(
      i % 2 === 0
        ? { toolCalls: [{ name: "Read", arguments: { file_path: "small.txt" } }] }
        : { toolCalls: [{ name: "Bash", arguments: { command: "true" } }] }
    )
  }
  steps.push({ text: "done" })
  const toolTimes = []
  const tools = await measure(
    process.execPath,
    [LETTA, "-p", "work", "--continue", "--yolo", "--output-format", "stream-json"],
    { cwd: project, env },
    5,
    () => server.enqueue(steps)
  )
  for (const line of tools.last.stdout.split("\n")) {
    if (line.includes('"tool_result"')) toolTimes.push(JSON.parse(line).duration_ms)
  }
  const toolMs = toolTimes.reduce((a, b) => a + b, 0)
  const overhead = (tools.wallMs - toolMs - warm.wallMs) / 20
  row("20-step tool turn: wall", ms(tools.wallMs), `tools' own time ${ms(toolMs)}, warm turn ${ms(warm.wallMs)}`, "-", true)
  row("20-step tool turn: client overhead per step", ms(overhead), "(wall - tools - warm turn) / 20", "< 10 ms", overhead < 10)
  // 6. Grep and Glob on a generated 50 000-file tree: our tools (their own time, from the
  // tool_result lines) vs running ripgrep directly.
  const tree = join(project, "tree")
  for (let d = 0; d < 500; d++) {
    const dir = join(tree, `pkg${d}`, "src")
    mkdirSync(dir, { recursive: true })
    for (let f = 0; f < 100; f++) {
      const body = f % 10 === 0 ? `export function item${f}() { return "needle ${d}" }\n` : `const value${f} = ${f}\n`
      writeFileSync(join(dir, `file${f}.${f % 2 === 0 ? "ts" : "js"}`), body.repeat(5))
    }
  }
  // A PATH without rg, to time the built-in Grep engine.
  const noRgBin = tempDir("letta-bench-bin-")
  symlinkSync("/bin/bash", join(noRgBin, "bash"))
  /** The tool's own time (its `duration_ms`) for one call in a headless turn. */
  const toolTimeOnce = async (name, args, extraEnv = {}) => {
    server.enqueue([{ toolCalls: [{ name, arguments: args }] }, { text: "done" }])
    const { stdout } = await runOnce(process.execPath, [LETTA, "-p", "search", "--continue", "--output-format", "stream-json"], {
      cwd: project,
      env: { ...env, ...extraEnv }
    })
    const line = stdout.split("\n").find((l) => l.includes('"tool_result"'))
    return line === undefined ? Number.NaN : JSON.parse(line).duration_ms
  }
  const hasRg = spawnSync("rg", ["--version"]).status === 0
  const searches = [
    ["Grep files_with_matches 'needle'", "Grep", { pattern: "needle", path: "tree" }, ["-l", "needle", "tree"]],
    ["Grep count 'export function'", "Grep", { pattern: "export function", path: "tree", output_mode: "count" }, ["-c", "export function", "tree"]],
    ["Glob '**/*.ts'", "Glob", { pattern: "**/*.ts", path: "tree" }, ["--files", "-g", "*.ts", "tree"]],
    // Glob lists newest first, so it stats every match; rg does the same work with --sortr modified.
    ["Glob '**/*.ts' (rg also sorting by mtime)", "Glob", { pattern: "**/*.ts", path: "tree" }, ["--files", "--sortr", "modified", "-g", "*.ts", "tree"]]
  ]
  const SEARCH_RUNS = 5
  for (const [label, tool, args, rgArgs] of searches) {
    // The tool, the built-in engine and rg itself in turn, run after run: all three see the same
    // machine, whose speed drifts by more than these rows' margins over a minute.
    const oursRuns = []
    const builtInRuns = []
    const rgRuns = []
    for (let i = 0; i < SEARCH_RUNS; i++) {
      oursRuns.push(await toolTimeOnce(tool, args))
      if (tool === "Grep") builtInRuns.push(await toolTimeOnce(tool, args, { PATH: noRgBin }))
      if (hasRg) rgRuns.push((await runOnce("sh", ["-c", `rg ${rgArgs.map((a) => `'${a}'`).join(" ")} > /dev/null || true`], { cwd: project })).wallMs)
    }
    const ours = median(oursRuns)
    const builtIn = builtInRuns.length > 0 ? median(builtInRuns) : undefined
    if (!hasRg) {
      row(`${label}: 50k files`, ms(builtIn ?? ours), "rg not installed (apt-get install ripgrep)", "<= 1.5x rg", true)
      continue
    }
    const rg = { wallMs: median(rgRuns) }
    row(`${label}: 50k files`, ms(ours), `rg directly: ${ms(rg.wallMs)} (x${(ours / rg.wallMs).toFixed(2)})`, "<= 1.5x rg", ours <= 1.5 * rg.wallMs)
    if (builtIn !== undefined) {
      row(`${label}: built-in engine (no rg)`, ms(builtIn), `x${(builtIn / rg.wallMs).toFixed(2)} of rg`, "<= 1.5x rg", builtIn <= 1.5 * rg.wallMs)
    }
  }
  rmSync(noRgBin, { recursive: true, force: true })

  rmSync(home, { recursive: true, force: true })
  rmSync(project, { recursive: true, force: true })
} finally {
  await server.close()
  await provider.close()
}

// 7. The local backend's store on an agent with 100 000 messages (LOCAL-BACKEND.md §7).
const store = await storeBench()
const agentSize = `${Math.round(store.built.messages / 1000)}k-message agent`
row(`local store, ${agentSize}: open + migrate`, ms2(store.openMs), `a new file: ${ms2(store.createMs)}`, "<= 15 ms", store.openMs <= 15)
row(
  `local store, ${agentSize}: compile a step's context`,
  ms2(store.compile.ms),
  `${store.compile.messages} msgs, ${Math.round(store.compile.tokens / 1000)}k tokens of ${store.compile.window / 1000}k`,
  "<= 10 ms",
  store.compile.ms <= 10
)
const compacted = store.built.afterCompaction
row(`  compile, just after compaction`, ms2(compacted.ms), `${compacted.messages} msgs, ${Math.round(compacted.tokens / 1000)}k tokens`, "<= 10 ms", compacted.ms <= 10)
const slowest = store.searches.reduce((a, b) => (b.ms > a.ms ? b : a))
row(`local store, ${agentSize}: conversation_search`, ms2(slowest.ms), `slowest: ${slowest.label}`, "<= 20 ms", slowest.ms <= 20)
for (const search of store.searches) {
  row(`  conversation_search, ${search.label}`, ms2(search.ms), `${search.matching} matching, ${search.hits} shown`, "<= 20 ms", search.ms <= 20)
}

// Report
const widths = [62, 12, 44, 12]
const pad = (text, width) => String(text).padEnd(width)
const lines = [
  `${pad("measure", widths[0])}${pad("value", widths[1])}${pad("baseline", widths[2])}${pad("target", widths[3])}ok`,
  "-".repeat(widths.reduce((a, b) => a + b, 0) + 3),
  ...rows.map((r) => `${pad(r.name, widths[0])}${pad(r.value, widths[1])}${pad(r.baseline, widths[2])}${pad(r.target, widths[3])}${r.ok ? "yes" : "NO"}`)
]
console.log(lines.join("\n"))
console.log(
  `\nmedians of ${RUNS} runs (streaming rows: 3, tool rows: 5, search rows: 5 in alternation with rg; local store rows: ${store.opens} fresh processes for the open, ${store.runs} calls in one process for the rest); cloud and local warm turns alternate run by run (the ratio compares those runs, never hyperfine's); start-up and warm-turn walls ${HAS_HYPERFINE ? "by hyperfine" : "by a run loop (hyperfine not installed)"}; node ${process.version}; ${HAS_GNU_TIME ? "RSS from GNU time" : "no GNU time: RSS not measured"}`
)
mkdirSync(join(ROOT, "bench"), { recursive: true })
writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify({ node: process.version, runs: RUNS, hyperfine: HAS_HYPERFINE, rows }, null, 2)}\n`)
