import { FakeProvider } from "../test/support/fakeProviders/index.js"
const fake = await FakeProvider.start("anthropic")
for (let i = 0; i < 10; i++) fake.enqueue({ text: "Hello ".repeat(200), chunkSize: 4 })
console.log(fake.origin)
