// The Porter (1980) suffix-stripping stemmer, so that "denies", "denied" and "deny" share one term in overlap features.
// Written after Martin Porter's reference C implementation (character buffer, no regular expressions): stemming runs
// on every previously unseen word of every corpus body.

let b = ''
let k = 0
let j = 0

/** True when b[i] is a consonant ('y' is one at the start or after a vowel). */
function cons(i: number): boolean {
  switch (b.charCodeAt(i)) {
    case 97: case 101: case 105: case 111: case 117:
      return false
    case 121:
      return i === 0 ? true : !cons(i - 1)
    default:
      return true
  }
}

/** The number of consonant sequences between 0 and j: [C](VC)^m[V]. */
function m(): number {
  let n = 0
  let i = 0
  for (;;) {
    if (i > j) return n
    if (!cons(i)) break
    i++
  }
  i++
  for (;;) {
    for (;;) {
      if (i > j) return n
      if (cons(i)) break
      i++
    }
    i++
    n++
    for (;;) {
      if (i > j) return n
      if (!cons(i)) break
      i++
    }
    i++
  }
}

function vowelInStem(): boolean {
  for (let i = 0; i <= j; i++) if (!cons(i)) return true
  return false
}

function doubleC(at: number): boolean {
  if (at < 1) return false
  if (b.charCodeAt(at) !== b.charCodeAt(at - 1)) return false
  return cons(at)
}

/** consonant-vowel-consonant ending at i, the last consonant not w, x or y: "hop" → "hope". */
function cvc(i: number): boolean {
  if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false
  const c = b.charCodeAt(i)
  return c !== 119 && c !== 120 && c !== 121
}

function ends(suffix: string): boolean {
  const length = suffix.length
  if (length > k + 1) return false
  const start = k - length + 1
  for (let i = length - 1; i >= 0; i--) if (b.charCodeAt(start + i) !== suffix.charCodeAt(i)) return false
  j = k - length
  return true
}

function setTo(replacement: string): void {
  b = b.slice(0, j + 1) + replacement
  k = j + replacement.length
}

function r(replacement: string): void {
  if (m() > 0) setTo(replacement)
}

function step1ab(): void {
  if (b.charCodeAt(k) === 115) {
    if (ends('sses')) k -= 2
    else if (ends('ies')) setTo('i')
    else if (b.charCodeAt(k - 1) !== 115) k--
  }
  if (ends('eed')) {
    if (m() > 0) k--
  } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
    k = j
    if (ends('at')) setTo('ate')
    else if (ends('bl')) setTo('ble')
    else if (ends('iz')) setTo('ize')
    else if (doubleC(k)) {
      k--
      const c = b.charCodeAt(k)
      if (c === 108 || c === 115 || c === 122) k++
    } else if (m() === 1 && cvc(k)) setTo('e')
  }
}

function step1c(): void {
  if (ends('y') && vowelInStem()) b = b.slice(0, k) + 'i' + b.slice(k + 1)
}

function step2(): void {
  if (k === 0) return
  switch (b.charCodeAt(k - 1)) {
    case 97:
      if (ends('ational')) r('ate')
      else if (ends('tional')) r('tion')
      break
    case 99:
      if (ends('enci')) r('ence')
      else if (ends('anci')) r('ance')
      break
    case 101:
      if (ends('izer')) r('ize')
      break
    case 108:
      if (ends('bli')) r('ble')
      else if (ends('alli')) r('al')
      else if (ends('entli')) r('ent')
      else if (ends('eli')) r('e')
      else if (ends('ousli')) r('ous')
      break
    case 111:
      if (ends('ization')) r('ize')
      else if (ends('ation')) r('ate')
      else if (ends('ator')) r('ate')
      break
    case 115:
      if (ends('alism')) r('al')
      else if (ends('iveness')) r('ive')
      else if (ends('fulness')) r('ful')
      else if (ends('ousness')) r('ous')
      break
    case 116:
      if (ends('aliti')) r('al')
      else if (ends('iviti')) r('ive')
      else if (ends('biliti')) r('ble')
      break
    case 103:
      if (ends('logi')) r('log')
      break
  }
}

function step3(): void {
  switch (b.charCodeAt(k)) {
    case 101:
      if (ends('icate')) r('ic')
      else if (ends('ative')) r('')
      else if (ends('alize')) r('al')
      break
    case 105:
      if (ends('iciti')) r('ic')
      break
    case 108:
      if (ends('ical')) r('ic')
      else if (ends('ful')) r('')
      break
    case 115:
      if (ends('ness')) r('')
      break
  }
}

function step4(): void {
  if (k === 0) return
  switch (b.charCodeAt(k - 1)) {
    case 97:
      if (ends('al')) break
      return
    case 99:
      if (ends('ance') || ends('ence')) break
      return
    case 101:
      if (ends('er')) break
      return
    case 105:
      if (ends('ic')) break
      return
    case 108:
      if (ends('able') || ends('ible')) break
      return
    case 110:
      if (ends('ant') || ends('ement') || ends('ment') || ends('ent')) break
      return
    case 111:
      if (ends('ion') && j >= 0 && (b.charCodeAt(j) === 115 || b.charCodeAt(j) === 116)) break
      if (ends('ou')) break
      return
    case 115:
      if (ends('ism')) break
      return
    case 116:
      if (ends('ate') || ends('iti')) break
      return
    case 117:
      if (ends('ous')) break
      return
    case 118:
      if (ends('ive')) break
      return
    case 122:
      if (ends('ize')) break
      return
    default:
      return
  }
  if (m() > 1) k = j
}

function step5(): void {
  j = k
  if (b.charCodeAt(k) === 101) {
    const a = m()
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--
  }
  if (b.charCodeAt(k) === 108 && doubleC(k) && m() > 1) k--
}

const cache = new Map<string, string>()
const CACHE_LIMIT = 200_000

/** The Porter stem of a lower-case word; results are cached because news vocabulary repeats heavily. */
export function porterStem(word: string): string {
  if (word.length < 3) return word
  const hit = cache.get(word)
  if (hit !== undefined) return hit
  b = word
  k = word.length - 1
  j = 0
  step1ab()
  if (k > 0) {
    step1c()
    step2()
    step3()
    step4()
    step5()
  }
  const stemmed = b.slice(0, k + 1)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(word, stemmed)
  return stemmed
}
