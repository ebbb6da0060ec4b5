/**
 * `letta -p … --reflect`: once the answer is out, a reflection pass on the run's agent (the one
 * just remembered as this project's last), bounded in time; the run waits for it before exiting.
 * What changed is said in one line a block (stderr), or as `memory_update` lines in stream-json;
 * a failure is one line and never changes the run's exit code.
 */
import * as Effect from "effect/Effect"
import type { OutputFormat } from "../../domain/config.js"
import { lastAgentFor, serverKey } from "../../domain/settings.js"
import { LettaApi } from "../../services/LettaApi.js"
import { Output } from "../../services/Output.js"
import { Settings } from "../../services/Settings.js"
import { describeChange, reflectOnAgent } from "./reflection.js"

export const reflectAfterRun = (outputFormat: OutputFormat) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const settings = yield* Effect.flatMap(Settings, (store) => store.load)
    const server = serverKey(api.baseUrl)
    const agentId = lastAgentFor(settings.local, server) ?? lastAgentFor(settings.user, server)
    if (agentId === undefined) return
    const outcome = yield* reflectOnAgent(agentId, settings)
    if (outcome._tag === "Left") return yield* output.stderr(`letta: reflection failed: ${outcome.left}\n`)
    const { changes } = outcome.right
    if (outputFormat === "stream-json") {
      for (const change of changes) {
        const line = { type: "memory_update", source: "reflection", label: change.label, summary: describeChange(change), value: change.after, timestamp: new Date().toISOString() }
        yield* Effect.ignore(output.stdout(`${JSON.stringify(line)}\n`))
      }
      return
    }
    if (changes.length === 0) return yield* output.stderr("letta: reflection: nothing to learn\n")
    for (const change of changes) yield* output.stderr(`letta: learned: ${describeChange(change)}\n`)
  })
