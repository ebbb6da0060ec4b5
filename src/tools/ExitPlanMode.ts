/**
 * ExitPlanMode: the model presents its plan. Whether the call is allowed, and leaving plan mode,
 * are the permission engine's business; running the tool only acknowledges the plan.
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { toolSuccess } from "../domain/tools.js"
import { defineTool, param } from "./defineTool.js"

export const EXIT_PLAN_MODE_TOOL = "ExitPlanMode"

export const ExitPlanModeParameters = Schema.Struct({
  plan: param(Schema.String, "The plan, in Markdown: the steps you will take and the files you will change.")
})
export type ExitPlanModeParameters = typeof ExitPlanModeParameters.Type

const DESCRIPTION = [
  "Presents your implementation plan to the user for approval. Use it in plan mode once you have researched the task and your plan is complete.",
  "",
  "- The user decides: if they approve, the call succeeds and you may start carrying out the plan; if not, the call is refused, usually with their feedback.",
  "- Only for plans of work that changes things (code, files, commands); not for answering questions or research."
].join("\n")

export const ExitPlanMode = defineTool({
  name: EXIT_PLAN_MODE_TOOL,
  description: DESCRIPTION,
  parameters: ExitPlanModeParameters,
  readOnly: false,
  run: (args) =>
    Effect.succeed(
      toolSuccess(
        `The plan (${args.plan.length} characters) was presented and approved. Carry it out now, starting with its first step.`
      )
    )
})
