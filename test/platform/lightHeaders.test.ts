import { describe, expect, it } from "vitest"
import { LightHeaders } from "../../src/platform/lightHeaders.js"

/** The standard class, for the answers LightHeaders must give too. */
const both = (init?: ConstructorParameters<typeof Headers>[0]) => [new Headers(init), new LightHeaders(init)] as const

describe("LightHeaders behaves as Headers does for what the SDK uses", () => {
  it("is case-insensitive, joins repeated values, and iterates sorted by lower-case name", () => {
    for (const headers of both({ "X-B": "2", "content-Type": "application/json" })) {
      headers.append("x-b", "3")
      headers.set("Authorization", "Bearer k")
      expect(headers.get("X-b")).toBe("2, 3")
      expect(headers.has("CONTENT-TYPE")).toBe(true)
      expect([...headers]).toEqual([
        ["authorization", "Bearer k"],
        ["content-type", "application/json"],
        ["x-b", "2, 3"]
      ])
      headers.delete("x-B")
      expect(headers.get("x-b")).toBeNull()
      expect([...headers.keys()]).toEqual(["authorization", "content-type"])
    }
  })

  it("takes records, pairs and other Headers; trims values; keeps set-cookie apart", () => {
    const fromPairs = new LightHeaders([["A", " 1 "], ["a", "2"]])
    expect(fromPairs.get("a")).toBe("1, 2")
    expect(new LightHeaders(new Headers({ Retry: "5" })).get("retry")).toBe("5")
    expect(new LightHeaders(fromPairs).get("A")).toBe("1, 2")
    const cookies = new LightHeaders()
    cookies.append("Set-Cookie", "a=1")
    cookies.append("set-cookie", "b=2")
    expect(cookies.getSetCookie()).toEqual(["a=1", "b=2"])
    expect(() => new LightHeaders([["only-a-name"]] as unknown as Array<[string, string]>)).toThrow(TypeError)
    const seen: Array<string> = []
    fromPairs.forEach((value, name) => seen.push(`${name}=${value}`))
    expect(seen).toEqual(["a=1, 2"])
  })
})
