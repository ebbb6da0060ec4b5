/**
 * A `Headers` for the SDK's requests and our node:http responses. On Node 20 the global
 * `Headers` is a lazy getter that loads undici, Node's whole fetch stack (~18 ms of a ~300 ms
 * warm turn), for a case-insensitive multimap. The bundle gives the SDK this class instead (see
 * build/webGlobals.mjs, `inject`). Names are kept lower-cased; iteration is sorted by name with
 * repeated values joined by ", ", as the standard class does.
 */
export class LightHeaders {
  private readonly map = new Map<string, Array<string>>()

  constructor(init?: RequestInit["headers"] | LightHeaders) {
    if (init === undefined) return
    if (init instanceof LightHeaders || (typeof init === "object" && Symbol.iterator in init && !Array.isArray(init))) {
      for (const [name, value] of init as Iterable<[string, string]>) this.append(name, value)
    } else if (Array.isArray(init)) {
      for (const pair of init) {
        if (pair.length !== 2) throw new TypeError("Headers: each entry must be a [name, value] pair")
        this.append(String(pair[0]), String(pair[1]))
      }
    } else {
      for (const [name, value] of Object.entries(init)) this.append(name, String(value))
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase()
    const values = this.map.get(key)
    if (values === undefined) this.map.set(key, [String(value).trim()])
    else values.push(String(value).trim())
  }

  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), [String(value).trim()])
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase())?.join(", ") ?? null
  }

  getSetCookie(): Array<string> {
    return [...(this.map.get("set-cookie") ?? [])]
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase())
  }

  delete(name: string): void {
    this.map.delete(name.toLowerCase())
  }

  forEach(callback: (value: string, key: string, parent: LightHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this)
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.map.keys()].sort()) yield [name, this.map.get(name)!.join(", ")]
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
  }
}
