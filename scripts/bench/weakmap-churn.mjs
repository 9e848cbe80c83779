// `node scripts/bench/weakmap-churn.mjs`: what a WeakMap entry costs when its keys die young, as a
// builder's records do when each is enqueued or sent at once. 100 000 fresh frozen records per round,
// with and without one WeakMap.set each; CPU per record (process.cpuUsage, so the garbage collector's
// helper threads count), median of 15 rounds, twice each. This is why sealRecord keeps the newest
// record's text in one slot and reaches for its WeakMap only when a text was not read in time.
const N = 100_000
const make = (i) => ({ event: 'e', properties: { a: i, b: `x${i}` } })
const texts = new WeakMap()
let sink = 0
const time = (name, body) => {
  const samples = []
  for (let round = 0; round < 15; round++) {
    const start = process.cpuUsage()
    body()
    const used = process.cpuUsage(start)
    samples.push((used.user + used.system) / N)
  }
  samples.sort((a, b) => a - b)
  console.log(`${name.padEnd(16)} ${samples[7].toFixed(3)} us CPU per record`)
}
const plain = () => {
  for (let i = 0; i < N; i++) sink += Object.freeze(make(i)).properties.a
}
const weak = () => {
  for (let i = 0; i < N; i++) {
    const record = Object.freeze(make(i))
    texts.set(record, 'text')
    sink += record.properties.a
  }
}
for (let pass = 0; pass < 2; pass++) {
  time('no WeakMap', plain)
  time('WeakMap.set each', weak)
}
console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}${sink > 0 ? '' : ' '}`)
