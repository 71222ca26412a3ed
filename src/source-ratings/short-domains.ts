// Publishers' own link-shortener domains (cnn.it is CNN's): a link on one names its publisher. Generic shorteners
// (bit.ly, t.co, fb.me, ow.ly) are not here: they name no publisher, so such links stay unrated.

/** Short domain → the publisher's rated domain. */
export const PUBLISHER_SHORT_DOMAINS: ReadonlyMap<string, string> = new Map([
  ['abcn.ws', 'abcnews.go.com'],
  ['apne.ws', 'apnews.com'],
  ['bbc.in', 'bbc.co.uk'],
  ['bloom.bg', 'bloomberg.com'],
  ['bzfd.it', 'buzzfeed.com'],
  ['cbsn.ws', 'cbsnews.com'],
  ['cnb.cx', 'cnbc.com'],
  ['cnn.it', 'cnn.com'],
  ['dailym.ai', 'dailymail.co.uk'],
  ['econ.st', 'economist.com'],
  ['fxn.ws', 'foxnews.com'],
  ['gu.com', 'theguardian.com'],
  ['hill.cm', 'thehill.com'],
  ['huff.to', 'huffpost.com'],
  ['huffp.st', 'huffpost.com'],
  ['ind.pn', 'independent.co.uk'],
  ['lat.ms', 'latimes.com'],
  ['n.pr', 'npr.org'],
  ['nbcnews.to', 'nbcnews.com'],
  ['nyp.st', 'nypost.com'],
  ['nyti.ms', 'nytimes.com'],
  ['reut.rs', 'reuters.com'],
  ['theatln.tc', 'theatlantic.com'],
  ['ti.me', 'time.com'],
  ['usat.ly', 'usatoday.com'],
  ['wapo.st', 'washingtonpost.com'],
])
