/**
 * Headless mode (PRODUCT.md §6): resolve the agent, run one turn, render it in the requested
 * format. Failures before the agent is known go to stderr only; after that the json formats
 * also carry them as an error result.
 */
import { Effect } from "effect"
import type { RunConfig } from "../domain/config.js"
import { BrokenPipe, type LettaFailure, MaxTurnsReached, NoAssistantReply } from "../domain/errors.js"
import type { AllSettings } from "../domain/settings.js"
import { LettaApi } from "../services/LettaApi.js"
import { Output } from "../services/Output.js"
import { PermissionPolicy } from "../services/PermissionPolicy.js"
import { Tools } from "../services/Tools.js"
import { Workspace } from "../services/Workspace.js"
import { describeFailure } from "./failure.js"
import { makeRenderer } from "./render/renderer.js"
import { resolveSession } from "./session.js"
import { runTurn } from "./turn.js"

const retryNotice = (reason: string, delayMs: number, attempt: number, maxAttempts: number) =>
  `letta: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt} of ${maxAttempts})\n`

export const runHeadless = (config: RunConfig, prompt: string, settings: AllSettings, startedAt: number) =>
  Effect.gen(function* () {
    const api = yield* LettaApi
    const output = yield* Output
    const tools = yield* Tools
    const policy = yield* PermissionPolicy
    const workspace = yield* Workspace
    const renderer = makeRenderer(config.outputFormat, output, startedAt)

    const session = yield* resolveSession(config.agent, config.model, settings)
    yield* renderer.init({
      agentId: session.agentId,
      model: session.model,
      tools: tools.specs.map((spec) => spec.name),
      cwd: workspace.projectDir,
      permissionMode: yield* policy.mode
    })

    let finalText: string | undefined
    const turn = runTurn(
      {
        agentId: session.agentId,
        prompt,
        recoveredCalls: session.pendingCalls,
        recovery: "deny",
        maxSteps: config.maxTurns._tag === "Some" ? config.maxTurns.value : undefined,
        streamTokens: settings.user.tokenStreaming ?? true
      },
      (event) => {
        if (event._tag === "TurnComplete") finalText = event.finalText
        const announce =
          event._tag === "Retry"
            ? output.stderr(retryNotice(event.reason, event.delayMs, event.attempt, event.maxAttempts))
            : Effect.void
        return Effect.zipRight(announce, renderer.event(event))
      }
    )

    const reportFailure = (failure: LettaFailure) =>
      failure instanceof BrokenPipe
        ? Effect.fail(failure)
        : renderer
            .failure(describeFailure(failure, api.baseUrl).message, failure instanceof MaxTurnsReached)
            .pipe(Effect.zipRight(Effect.fail(failure)))

    yield* turn.pipe(
      Effect.flatMap((): Effect.Effect<void, BrokenPipe | NoAssistantReply> =>
        finalText === undefined || finalText.trim().length === 0 ? Effect.fail(new NoAssistantReply()) : renderer.success(finalText)
      ),
      Effect.catchAll(reportFailure)
    )
  })
