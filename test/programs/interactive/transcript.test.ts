import { describe, expect, it } from "vitest"
import type { TurnEvent } from "../../../src/domain/events.js"
import { fitLiveViews } from "../../../src/programs/interactive/liveLayout.js"
import { type Item, lastOutputLines, type LiveView, Transcript } from "../../../src/programs/interactive/transcript.js"
import { chunk } from "../../support/testLayers.js"

const server = (raw: Record<string, unknown>): TurnEvent => ({ _tag: "ServerMessage", chunk: chunk(raw) })
const text = (delta: string, otid = "a1"): TurnEvent => server({ message_type: "assistant_message", otid, content: delta })
const reasoning = (delta: string, otid = "r1"): TurnEvent => server({ message_type: "reasoning_message", otid, reasoning: delta })
const call = (id: string, name: string | null, args: string | null): TurnEvent =>
  server({ message_type: "approval_request_message", otid: "c", tool_call: { tool_call_id: id, name, arguments: args } })
const stop = (reason: string): TurnEvent => server({ message_type: "stop_reason", stop_reason: reason })

const make = () => {
  const committed: Array<Item> = []
  const transcript = new Transcript("/project", (items) => committed.push(...items))
  return { transcript, committed }
}

describe("Transcript: live tool output", () => {
  const started = (id = "t1"): TurnEvent => ({ _tag: "ToolStarted", toolName: "Bash", toolCallId: id, args: { command: "make" } })
  const out = (text: string, id = "t1"): TurnEvent => ({ _tag: "ToolOutput", toolCallId: id, text })

  it("shows the last 5 lines of a running tool's output, updating as output arrives", () => {
    const { transcript } = make()
    transcript.apply(started())
    expect(transcript.liveViews()[0]).not.toHaveProperty("live")
    transcript.apply(out("line1\nline2\n"))
    expect(transcript.liveViews()[0]).toMatchObject({ kind: "tool", status: "running", live: ["line1", "line2"] })
    transcript.apply(out("line3\nline4\nline5\nline6\nline"))
    transcript.apply(out("7\n"))
    expect(transcript.liveViews()[0]).toMatchObject({ live: ["line3", "line4", "line5", "line6", "line7"] })
    // The live area budgets the extra rows.
    expect(fitLiveViews(transcript.liveViews(), 40).rows).toBe(7)
  })

  it("drops colour codes and shows only the last state of a carriage-return progress line", () => {
    expect(lastOutputLines("\u001b[32mok\u001b[0m\n10%\r50%\r100%\n\n", 5)).toEqual(["ok", "100%"])
  })

  it("keeps the whole output of a finished call for Ctrl+O, and the preview stays short", () => {
    const { committed, transcript } = make()
    transcript.apply(started())
    transcript.apply(out("a\n"))
    transcript.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t1", status: "success", durationMs: 3, output: "a\nb\nc\nd\ne\n" })
    const item = committed[0]
    expect(item).toMatchObject({ kind: "tool", output: "a\nb\nc\nd\ne\n", preview: ["a", "b", "c", "… +2 lines (ctrl+o to expand)"] })
    expect(item).not.toHaveProperty("live")
  })

  it("an interrupted call keeps what it printed: its last lines above the note, and all of it for Ctrl+O", () => {
    const { committed, transcript } = make()
    transcript.apply(started())
    transcript.apply(out("one\ntwo\n"))
    transcript.finishAll("denied", "Interrupted")
    expect(committed[0]).toMatchObject({ kind: "tool", status: "denied", preview: ["one", "two", "Interrupted"], output: "one\ntwo\n" })
  })
})

describe("Transcript", () => {
  it("commits finished Markdown blocks while the message still streams, each once", () => {
    const { committed, transcript } = make()
    transcript.addUser("hi")
    for (const piece of ["# Ti", "tle\n", "\nFirst para", "graph.\n\nSec", "ond"]) transcript.apply(text(piece))
    expect(committed.map((i) => i.kind)).toEqual(["user", "assistant", "assistant"])
    expect(committed[1]).toMatchObject({ markdown: "# Title", first: true })
    expect(committed[2]).toMatchObject({ markdown: "First paragraph.", first: false })
    expect(transcript.liveViews()).toEqual([expect.objectContaining({ kind: "streaming", tail: "Second" })])
    transcript.apply({ _tag: "TurnComplete", stopReason: "end_turn", finalText: undefined })
    expect(committed.map((i) => (i.kind === "assistant" ? i.markdown : i.kind))).toEqual(["user", "# Title", "First paragraph.", "Second"])
    expect(transcript.liveViews()).toEqual([])
  })

  it("keeps reasoning and the answer apart, and the order of arrival", () => {
    const { committed, transcript } = make()
    transcript.apply(reasoning("Thinking about it"))
    transcript.apply(text("The answer."))
    transcript.apply(stop("end_turn"))
    expect(committed).toEqual([
      expect.objectContaining({ kind: "reasoning", text: "Thinking about it", first: true }),
      expect.objectContaining({ kind: "assistant", markdown: "The answer.", first: true })
    ])
  })

  it("shows a tool call pending, running, then finished with a short preview", () => {
    const { committed, transcript } = make()
    transcript.apply(text("Let me look."))
    transcript.apply(call("t1", "Bash", null))
    transcript.apply(call("t1", null, '{"command":'))
    transcript.apply(call("t1", null, '"ls -la"}'))
    transcript.apply(stop("requires_approval"))
    expect(committed.map((i) => i.kind)).toEqual(["assistant"])
    expect(transcript.liveViews()).toEqual([expect.objectContaining({ kind: "tool", status: "pending", summary: "Bash(ls -la)" })])
    transcript.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "t1", args: { command: "ls -la" } })
    expect(transcript.runningTool()).toBe("Bash")
    transcript.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t1", status: "success", durationMs: 3, output: "a\nb\nc\nd\ne\n" })
    expect(committed[1]).toMatchObject({ kind: "tool", status: "success", summary: "Bash(ls -la)", preview: ["a", "b", "c", "… +2 lines (ctrl+o to expand)"] })
    expect(transcript.liveViews()).toEqual([])
  })

  it("caps a preview at 300 characters and says why a call was denied", () => {
    const { committed, transcript } = make()
    transcript.apply({ _tag: "ToolResult", toolName: "Read", toolCallId: "t1", status: "error", durationMs: 0, output: "x".repeat(1000) })
    transcript.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t2", status: "denied", durationMs: 0, output: "use find" })
    const [first, second] = committed
    expect(first?.kind === "tool" && first.preview.join("").length).toBeLessThanOrEqual(301)
    expect(second).toMatchObject({ status: "denied", preview: ["Denied: use find"] })
  })

  it("draws TodoWrite as a checklist", () => {
    const { committed, transcript } = make()
    const todos = [
      { content: "Write tests", status: "completed", id: "1" },
      { content: "Fix the bug", status: "in_progress", id: "2" },
      { content: "Ship it", status: "pending", id: "3" }
    ]
    transcript.apply({ _tag: "ToolStarted", toolName: "TodoWrite", toolCallId: "t1", args: { todos } })
    transcript.apply({ _tag: "ToolResult", toolName: "TodoWrite", toolCallId: "t1", status: "success", durationMs: 0, output: "Todos updated" })
    expect(committed[0]).toMatchObject({
      kind: "tool",
      summary: "TodoWrite",
      preview: [],
      todos: [
        { content: "Write tests", status: "completed" },
        { content: "Fix the bug", status: "in_progress" },
        { content: "Ship it", status: "pending" }
      ]
    })
  })

  it("keeps the order: a finished call waits for an earlier one still running", () => {
    const { committed, transcript } = make()
    transcript.apply(call("a", "Read", '{"file_path":"/project/a.ts"}'))
    transcript.apply(call("b", "Read", '{"file_path":"/project/b.ts"}'))
    transcript.apply(stop("requires_approval"))
    expect(transcript.positionOf("b")).toEqual({ index: 2, total: 2 })
    transcript.apply({ _tag: "ToolResult", toolName: "Read", toolCallId: "b", status: "success", durationMs: 0, output: "1\n" })
    expect(committed).toEqual([])
    transcript.apply({ _tag: "ToolResult", toolName: "Read", toolCallId: "a", status: "success", durationMs: 0, output: "1\n2\n" })
    expect(committed.map((i) => (i.kind === "tool" ? i.summary : ""))).toEqual(["Read(a.ts)", "Read(b.ts)"])
  })

  it("marks calls left open by an interrupt, and server tools finish with their return", () => {
    const { committed, transcript } = make()
    transcript.apply(server({ message_type: "tool_call_message", otid: "s", tool_call: { tool_call_id: "m1", name: "conversation_search", arguments: '{"query":"x"}' } }))
    transcript.apply(server({ message_type: "tool_return_message", tool_call_id: "m1", status: "success", tool_return: "found" }))
    transcript.apply(call("t1", "Bash", '{"command":"sleep 100"}'))
    transcript.finishAll("denied", "Interrupted")
    expect(committed).toEqual([
      expect.objectContaining({ summary: "conversation_search(x)", status: "success", preview: ["found"] }),
      expect.objectContaining({ summary: "Bash(sleep 100)", status: "denied", preview: ["Interrupted"] })
    ])
  })

  it("back-fills history: user text without reminders or heartbeats, a leading orphan return dropped", () => {
    const { committed, transcript } = make()
    transcript.applyMessage(chunk({ message_type: "tool_return_message", tool_call_id: "old", status: "success", tool_return: "orphan" }).message)
    transcript.addHistoryUser(chunk({ message_type: "user_message", content: "<system-reminder>plan</system-reminder>do it" }).message, 500)
    transcript.addHistoryUser(chunk({ message_type: "user_message", content: '{"type":"heartbeat","reason":"x"}' }).message, 500)
    transcript.addHistoryUser(chunk({ message_type: "user_message", content: "y".repeat(600) }).message, 500)
    transcript.finishAll("pending")
    expect(committed.map((i) => (i.kind === "user" ? i.text.length : i.kind))).toEqual([5, 501])
  })
})

describe("Transcript: back-filled history (issue 12, defect 1)", () => {
  const entry = (raw: Record<string, unknown>) => chunk(raw).message
  /** Two turns as a server lists them: the first with an approved tool call, the second plain. */
  const twoTurns = () => [
    entry({ message_type: "user_message", id: "m1", otid: "u1", content: "first" }),
    entry({ message_type: "reasoning_message", id: "m2", otid: "m2-r", reasoning: "Looking around." }),
    entry({ message_type: "assistant_message", id: "m2", otid: "m2-a", content: "Let me look." }),
    entry({ message_type: "approval_request_message", id: "m3", otid: "m3", tool_call: { tool_call_id: "c1", name: "Bash", arguments: '{"command":"ls"}' } }),
    entry({ message_type: "approval_response_message", id: "m4", otid: "m4", approvals: [{ type: "tool", tool_call_id: "c1", status: "success", tool_return: "a.txt" }] }),
    entry({ message_type: "tool_return_message", id: "m5", otid: "m5", tool_call_id: "c1", status: "success", tool_return: "a.txt" }),
    entry({ message_type: "assistant_message", id: "m6", otid: "m6-a", content: "Reply one." }),
    entry({ message_type: "user_message", id: "m7", otid: "u2", content: "second" }),
    entry({ message_type: "reasoning_message", id: "m8", otid: "m8-r", reasoning: "Easy." }),
    entry({ message_type: "assistant_message", id: "m8", otid: "m8-a", content: "Reply two." })
  ]
  const replay = (transcript: Transcript, messages: ReturnType<typeof twoTurns>) => {
    for (const message of messages) {
      if (message.message_type === "user_message") transcript.addHistoryUser(message, 500)
      else transcript.applyMessage(message)
    }
    transcript.finishAll("pending")
  }
  const describeItem = (item: Item): string => {
    switch (item.kind) {
      case "user":
        return `> ${item.text}`
      case "assistant":
        return `● ${item.markdown}`
      case "reasoning":
        return `✻ ${item.text}`
      case "tool":
        return `${item.status} ${item.summary}`
      case "notice":
        return `! ${item.text}`
      case "panel":
        return "panel"
    }
  }

  it("commits every entry of several turns, in order, and leaves nothing live", () => {
    const { committed, transcript } = make()
    replay(transcript, twoTurns())
    expect(committed.map(describeItem)).toEqual([
      "> first",
      "✻ Looking around.",
      "● Let me look.",
      "success Bash(ls)",
      "● Reply one.",
      "> second",
      "✻ Easy.",
      "● Reply two."
    ])
    expect(transcript.liveViews()).toEqual([])
    expect(transcript.isLive).toBe(false)
  })

  it("later turns and notices after a back-fill are committed as they come", () => {
    const { committed, transcript } = make()
    replay(transcript, twoTurns())
    committed.length = 0
    transcript.addNotice("────", "dim")
    transcript.addUser("third")
    transcript.apply(text("Reply three.", "a3"))
    transcript.apply({ _tag: "ToolStarted", toolName: "Bash", toolCallId: "t3", args: { command: "pwd" } })
    transcript.apply({ _tag: "ToolResult", toolName: "Bash", toolCallId: "t3", status: "success", durationMs: 1, output: "/project" })
    transcript.apply({ _tag: "TurnComplete", stopReason: "end_turn", finalText: undefined })
    transcript.addPanel([{ text: "Session stats" }])
    expect(committed.map(describeItem)).toEqual(["! ────", "> third", "● Reply three.", "success Bash(pwd)", "panel"])
    expect(transcript.isLive).toBe(false)
  })

  it("a notice arriving while a message is open closes it first (nothing waits behind it)", () => {
    const { committed, transcript } = make()
    transcript.apply(text("Half an answer"))
    transcript.addNotice("Rule added", "dim")
    transcript.addUser("next")
    expect(committed.map(describeItem)).toEqual(["● Half an answer", "! Rule added", "> next"])
    expect(transcript.isLive).toBe(false)
  })
})

describe("Transcript: resumed denials (issue 12, defect 13)", () => {
  const entry = (raw: Record<string, unknown>) => chunk(raw).message
  it("a call denied in an earlier session shows as denied, with the reason, as it did live", () => {
    const { committed, transcript } = make()
    transcript.applyMessage(entry({ message_type: "approval_request_message", id: "m1", otid: "m1", tool_call: { tool_call_id: "c1", name: "Bash", arguments: '{"command":"rm -rf build"}' } }))
    transcript.applyMessage(entry({ message_type: "approval_response_message", id: "m2", otid: "m2", approvals: [{ type: "approval", tool_call_id: "c1", approve: false, reason: "use make clean" }] }))
    transcript.applyMessage(entry({ message_type: "tool_return_message", id: "m3", otid: "m3", tool_call_id: "c1", status: "error", tool_return: "Error: request to call tool denied. User reason: use make clean" }))
    // The local backend keeps no approval response: the tool return alone says it.
    transcript.applyMessage(entry({ message_type: "approval_request_message", id: "m4", otid: "m4", tool_call: { tool_call_id: "c2", name: "Bash", arguments: '{"command":"rm -rf dist"}' } }))
    transcript.applyMessage(entry({ message_type: "tool_return_message", id: "m5", otid: "m5", tool_call_id: "c2", status: "error", tool_return: "Error: request to call tool denied. User reason: interrupted by the user" }))
    transcript.applyMessage(entry({ message_type: "approval_request_message", id: "m6", otid: "m6", tool_call: { tool_call_id: "c3", name: "Bash", arguments: '{"command":"false"}' } }))
    transcript.applyMessage(entry({ message_type: "tool_return_message", id: "m7", otid: "m7", tool_call_id: "c3", status: "error", tool_return: "exit code 1" }))
    transcript.finishAll("pending")
    expect(committed).toEqual([
      expect.objectContaining({ summary: "Bash(rm -rf build)", status: "denied", preview: ["Denied: use make clean"] }),
      expect.objectContaining({ summary: "Bash(rm -rf dist)", status: "denied", preview: ["Denied: interrupted by the user"] }),
      expect.objectContaining({ summary: "Bash(false)", status: "error", preview: ["exit code 1"] })
    ])
  })
})

describe("fitLiveViews", () => {
  const tool = (id: number, preview: number): LiveView => ({
    kind: "tool",
    id,
    toolCallId: `t${id}`,
    name: "Bash",
    summary: `Bash(${id})`,
    status: "running",
    preview: Array.from({ length: preview }, () => "x"),
    todos: undefined,
    body: undefined
  })

  it("keeps the newest entries that fit and counts the rest", () => {
    const layout = fitLiveViews([tool(1, 3), tool(2, 3), tool(3, 0)], 9)
    expect(layout.views.map((v) => v.view.id)).toEqual([2, 3])
    expect(layout.hidden).toBe(1)
    expect(layout.rows).toBeLessThanOrEqual(9)
  })

  it("gives streaming text what is left", () => {
    const streaming: LiveView = { kind: "streaming", id: 9, textKind: "assistant", tail: "x", first: true }
    const layout = fitLiveViews([tool(1, 1), streaming], 12)
    expect(layout.views).toEqual([expect.objectContaining({ textRows: 10 })])
    expect(layout.hidden).toBe(1)
    expect(layout.rows).toBeLessThanOrEqual(12)
  })
})
