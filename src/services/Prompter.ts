/**
 * Answers the calls the policy could not decide (`Ask`). Headless: always reject with a reason;
 * interactive: the approval dialog; tests: scripted answers.
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { PermissionQuery, PromptAnswer } from "../domain/permissions.js"

export interface ApprovalRequest extends PermissionQuery {
  readonly toolCallId: string
}

export interface PrompterShape {
  readonly ask: (request: ApprovalRequest) => Effect.Effect<PromptAnswer>
}

export class Prompter extends Context.Tag("letta/Prompter")<Prompter, PrompterShape>() {}
