/**
 * `letta -p … --reflect`: once the answer is out, a reflection pass on the run's agent (the one
 * just remembered as this project's last), bounded in time; the run waits for it before exiting.
 * What changed is said in one line a block and a skill (stderr), or as `memory_update` and
 * `skill_proposal` lines in stream-json; a failure is one line and never changes the exit code.
 */
import * as Effect from "effect/Effect"
import type { OutputFormat } from "../../domain/config.js"
import { lastAgentFor, serverKey } from "../../domain/settings.js"
import type { ProposeOutcome } from "../../skills/proposals.js"
import { LettaApi } from "../../services/LettaApi.js"
import { Output } from "../../services/Output.js"
import { Settings } from "../../services/Settings.js"
import { describeChange } from "./reflection.js"
import { reflectOnAgent } from "./reflectOnAgent.js"
import { describeSkillOutcome } from "./skillProposals.js"

const skillLine = (outcome: ProposeOutcome, timestamp: string) =>
  outcome._tag === "Refused"
    ? { type: "skill_proposal", source: "reflection", name: null, scope: null, status: "refused", file: null, reason: outcome.reason, timestamp }
    : { type: "skill_proposal", source: "reflection", name: outcome.name, scope: outcome.scope, status: outcome._tag === "Pending" ? "pending" : "installed", file: outcome.file, reason: null, timestamp }

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
    const { changes, ran, skills } = outcome.right
    if (outputFormat === "stream-json") {
      const timestamp = new Date().toISOString()
      for (const change of changes) {
        const line = { type: "memory_update", source: "reflection", label: change.label, summary: describeChange(change), value: change.after, timestamp }
        yield* Effect.ignore(output.stdout(`${JSON.stringify(line)}\n`))
      }
      for (const skill of skills) yield* Effect.ignore(output.stdout(`${JSON.stringify(skillLine(skill, timestamp))}\n`))
      return
    }
    if (changes.length === 0 && skills.length === 0) return yield* output.stderr(`letta: reflection: ${ran ? "nothing to learn" : "nothing new since the last reflection"}\n`)
    for (const change of changes) yield* output.stderr(`letta: learned: ${describeChange(change)}\n`)
    for (const skill of skills) yield* output.stderr(`letta: ${describeSkillOutcome(skill, "letta skills")}\n`)
  })
