// A byte-level UTF-8 validity scan, so decoding can tell a legacy single-byte text from a damaged UTF-8 one.

export interface Utf8Scan {
  /** Well-formed sequences of 2–4 bytes. */
  multiByte: number
  /** Maximal ill-formed subparts, i.e. how many U+FFFD a WHATWG decoder will emit. */
  invalid: number
}

/** Count valid multi-byte sequences and invalid subparts, following the WHATWG UTF-8 decoder's boundaries. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0
  let invalid = 0
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lower = 0x80
    let upper = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lower = 0xa0 // overlong
      if (b === 0xed) upper = 0x9f // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lower = 0x90
      if (b === 0xf4) upper = 0x8f
    } else {
      invalid++
      i++
      continue
    }
    let j = i + 1
    let ok = true
    for (let k = 0; k < need; k++, j++) {
      const c = j < n ? bytes[j] : -1
      if (c < lower || c > upper) {
        ok = false
        break
      }
      lower = 0x80
      upper = 0xbf
    }
    if (ok) multiByte++
    else invalid++
    // An ill-formed prefix is consumed up to (not including) the byte that broke it, as the WHATWG decoder does.
    i = j
  }
  return { multiByte, invalid }
}
