// Phrases of the calls to action a site prints inside its articles (subscribe, follow, share, rate, log in, cookies,
// copyright), in the languages of the pages we meet most. Matched case-insensitively anywhere in a short block.

export const BOILERPLATE_PHRASES: readonly string[] = [
  // subscribe, newsletters
  'subscribe to our',
  'sign up for our',
  'sign up to our',
  'signing up to our newsletter',
  'newsletter abonnieren',
  'abonnieren sie',
  'abonnez-vous',
  'suscríbete',
  'suscribete',
  // paywalls
  'please subscribe',
  'subscribe now',
  'already a subscriber',
  'to continue reading',
  'jetzt abonnieren',
  'bereits abonnent',
  // follow us
  'follow us on',
  'síguenos en',
  'siguenos en',
  'folgen sie uns',
  'suivez-nous',
  'canal de telegram',
  // support us
  'support our journalism',
  'support independent journalism',
  'unterstützen sie diese form',
  'unterstützen sie unsere arbeit',
  'hazte miembro',
  'make your contribution',
  'we rely on your support',
  // share, rate
  'share this article',
  'artikel teilen',
  'mit freunden teilen',
  'mit anderen teilen',
  'valora esta noticia',
  'artikel bewerten',
  'war der artikel nützlich',
  'fanden sie diesen artikel',
  'rate this article',
  'noch keine bewertungen',
  // log in to comment
  'eingeloggt sein',
  'nicht eingeloggt',
  'logged in to comment',
  'kommentare geschlossen',
  'comments are closed',
  // cookies and rights
  'verwendung von cookies',
  'use of cookies',
  'all rights reserved',
  'alle rechte vorbehalten',
  'todos los derechos reservados',
  // downloads
  'als pdf herunterladen',
  'download as pdf',
  'download the pdf',
  // widgets
  'lade weitere inhalte',
  'load more',
]
