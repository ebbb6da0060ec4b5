import { Effect, Exit, Fiber, Layer, ManagedRuntime } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { ApprovalChoice, ApprovalDialog } from "../../../src/domain/dialogs.js"
import { ApprovalQueueMemory } from "../../../src/layers/ApprovalQueueMemory.js"
import { showApprovals } from "../../../src/programs/interactive/showApprovals.js"
import { makeUiStore, type UiStore } from "../../../src/programs/interactive/store.js"
import { ApprovalQueue } from "../../../src/services/ApprovalQueue.js"

const bash = (toolCallId: string, command = "ls"): ApprovalDialog => ({
  _tag: "Tool",
  toolCallId,
  toolName: "Bash",
  title: "Run this command?",
  preview: { _tag: "Command", command, description: undefined },
  suggestion: undefined
})

const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The dialog on screen now (its tool call id), if any. */
const shownId = (ui: UiStore): string | undefined => {
  const dialog = ui.getSnapshot().dialog
  return dialog?._tag === "Approval" ? dialog.dialog.toolCallId : undefined
}

const answer = (ui: UiStore, choice: ApprovalChoice) => {
  const dialog = ui.getSnapshot().dialog
  if (dialog?._tag !== "Approval") throw new Error("no approval dialog on screen")
  dialog.answer(choice)
}

let dispose: (() => Promise<void>) | undefined
afterEach(async () => {
  await dispose?.()
  dispose = undefined
})

/** A queue and a screen whose taker runs until the test ends. */
const setup = async (options: { readonly taker?: boolean } = {}) => {
  const runtime = ManagedRuntime.make(Layer.fresh(ApprovalQueueMemory))
  const ui = await runtime.runPromise(makeUiStore("/project"))
  const taker = options.taker === false ? undefined : runtime.runFork(showApprovals(ui))
  dispose = async () => {
    if (taker !== undefined) await Effect.runPromise(Fiber.interrupt(taker))
    await runtime.dispose()
  }
  const ask = (dialog: ApprovalDialog) => runtime.runFork(Effect.flatMap(ApprovalQueue, (queue) => queue.ask(dialog)))
  return { runtime, ui, ask, taker }
}

describe("approval queue", () => {
  it("shows a dialog and hands the user's choice back to the prompter", async () => {
    const { ui, ask } = await setup()
    const asked = ask(bash("c1"))
    await settle()
    expect(shownId(ui)).toBe("c1")
    answer(ui, { _tag: "No", reason: "not now" })
    expect(await Effect.runPromise(Fiber.join(asked))).toEqual({ _tag: "No", reason: "not now" })
    await settle()
    expect(ui.getSnapshot().dialog).toBeUndefined()
  })

  it("two requests at once are shown one at a time, in the order they were asked", async () => {
    const { ui, ask } = await setup()
    const first = ask(bash("c1"))
    const second = ask(bash("c2"))
    await settle()
    expect(shownId(ui)).toBe("c1")
    answer(ui, { _tag: "Yes" })
    await settle()
    expect(shownId(ui)).toBe("c2")
    answer(ui, { _tag: "No", reason: "" })
    expect(await Effect.runPromise(Fiber.join(first))).toEqual({ _tag: "Yes" })
    expect(await Effect.runPromise(Fiber.join(second))).toEqual({ _tag: "No", reason: "" })
  })

  it("interrupting the prompter withdraws a shown dialog: it is closed when the interruption returns", async () => {
    const { ui, ask } = await setup()
    const asked = ask(bash("c1"))
    await settle()
    expect(shownId(ui)).toBe("c1")
    // Read in the same step as the interruption: nothing else may run in between.
    const after = await Effect.runPromise(Effect.zipRight(Fiber.interrupt(asked), Effect.sync(() => ui.getSnapshot().dialog)))
    expect(after).toBeUndefined()
    expect(ui.awaitingApproval).toBe(false)
  })

  it("a request withdrawn while it waits in the queue is never shown", async () => {
    const { ui, ask } = await setup()
    // Every dialog put on screen rings (notify.ts): this counts them.
    const rung: Array<string> = []
    ui.setNotifier((text) => rung.push(text))
    const first = ask(bash("c1"))
    const second = ask(bash("c2"))
    await settle()
    expect(shownId(ui)).toBe("c1")
    const exit = await Effect.runPromise(Fiber.interrupt(second))
    expect(Exit.isInterrupted(exit)).toBe(true)
    answer(ui, { _tag: "Yes" })
    expect(await Effect.runPromise(Fiber.join(first))).toEqual({ _tag: "Yes" })
    await settle()
    expect(ui.getSnapshot().dialog).toBeUndefined()
    const third = ask(bash("c3"))
    await settle()
    expect(shownId(ui)).toBe("c3")
    answer(ui, { _tag: "Yes" })
    await Effect.runPromise(Fiber.join(third))
    expect(rung).toHaveLength(2)
  })

  it("withdrawing before the screen takes the request does not wait for the screen", async () => {
    const { ui, ask } = await setup({ taker: false })
    const asked = ask(bash("c1"))
    await settle()
    await Effect.runPromise(Fiber.interrupt(asked))
    expect(ui.getSnapshot().dialog).toBeUndefined()
  })

  it("notices are shown in the order they were sent, and the prompter waits for them", async () => {
    const { runtime, ui } = await setup()
    await runtime.runPromise(
      Effect.flatMap(ApprovalQueue, (queue) =>
        Effect.zipRight(
          queue.ruleAdded({ rule: "Bash(git diff:*)", scope: "local", label: "always" }),
          queue.notify("Approved once; the rule could not be saved", "warning")
        )
      )
    )
    expect(ui.addedRules.map((added) => added.rule)).toEqual(["Bash(git diff:*)"])
    const texts = ui.getSnapshot().staticItems.flatMap((item) => (item.kind === "notice" ? [item.text] : []))
    expect(texts).toEqual(["Bash(git diff:*) allowed in this project (saved in .letta/settings.local.json)", "Approved once; the rule could not be saved"])
  })
})
