import { test } from 'node:test'
import assert from 'node:assert/strict'
import { scanQuoteMarks } from './quote-marks.js'

function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let start = 0
  for (const part of text.split('\n\n')) {
    out.push({ start, end: start + part.length })
    start += part.length + 2
  }
  return out
}

const cases: { name: string; text: string; quotes: { text: string; depth?: number; closed?: boolean; runsOn?: boolean; continued?: boolean }[] }[] = [
  { name: 'curly double', text: '“We won,” she said.', quotes: [{ text: 'We won,' }] },
  { name: 'straight double', text: 'He said: "It is over." Then he left.', quotes: [{ text: 'It is over.' }] },
  { name: 'single straight', text: "'No comment,' the aide said.", quotes: [{ text: 'No comment,' }] },
  { name: 'apostrophes are not quotes', text: "Trump’s aides don't know the players' union plan from the '90s.", quotes: [] },
  { name: 'nested single in double', text: '“He told me, ‘Never again,’ and left,” she said.', quotes: [{ text: 'He told me, ‘Never again,’ and left,' }, { text: 'Never again,', depth: 1 }] },
  { name: 'two quotes in a sentence', text: '“We lost,” he said, “but we learned.”', quotes: [{ text: 'We lost,' }, { text: 'but we learned.' }] },
  { name: 'unclosed runs to paragraph end', text: 'She said: “We will never give up\n\nNext paragraph.', quotes: [{ text: 'We will never give up', closed: false }] },
  {
    name: 'quote running over paragraphs',
    text: '“First part of the speech.\n\n“Second part,” he said.',
    quotes: [{ text: 'First part of the speech.', closed: false, runsOn: true }, { text: 'Second part,', continued: true }],
  },
  { name: 'closing mark typed as opening', text: '“Hello“ she said.', quotes: [{ text: 'Hello' }] },
  { name: 'guillemets', text: '«Nous gagnerons», a-t-il dit.', quotes: [{ text: 'Nous gagnerons' }] },
]

for (const c of cases) {
  test(`quote marks: ${c.name}`, () => {
    const regions = scanQuoteMarks(c.text, paragraphsOf(c.text))
    assert.deepEqual(regions.map((r) => c.text.slice(r.start, r.end)), c.quotes.map((q) => q.text))
    regions.forEach((r, i) => {
      const want = c.quotes[i]!
      assert.equal(r.depth, want.depth ?? 0, `depth of ${want.text}`)
      assert.equal(r.close >= 0, want.closed ?? true, `closed ${want.text}`)
      assert.equal(r.runsOn, want.runsOn ?? false, `runsOn ${want.text}`)
      assert.equal(r.continued, want.continued ?? false, `continued ${want.text}`)
      assert.ok(r.open < r.start && r.start <= r.end, 'open mark before the words')
      if (r.close >= 0) assert.ok(r.end <= r.close)
    })
  })
}
