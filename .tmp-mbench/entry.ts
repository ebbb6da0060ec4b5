import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { Models } from "../src/services/Models.js"
const t0 = performance.now()
const { ModelsLive } = await import("../src/layers/ModelsLive.js")
const t1 = performance.now()
const url = process.argv[2]!
const program = Effect.gen(function* () {
  const models = yield* Models
  const model = yield* models.resolve("anthropic/claude-sonnet-4-5")
  let n = 0
  for (let i = 0; i < 3; i++) {
    const s0 = performance.now()
    yield* Effect.scoped(Effect.flatMap(models.stream(model, { system: "s", messages: [{ role: "user", text: "hi" }], tools: [], maxOutputTokens: 100 }), (s) => Stream.runForEach(s, () => Effect.sync(() => n++))))
    console.log("call", i, (performance.now() - s0).toFixed(1), "ms")
  }
  return n
})
const n = await Effect.runPromise(Effect.provide(program, ModelsLive({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: url } })))
console.log("events", n, "import", (t1 - t0).toFixed(1), "ms", "rss", (process.memoryUsage().rss / 1048576).toFixed(0), "MiB")
