// Remove site chrome (navigation, consent banners, share bars, promos, comments) before article extraction.

// Tested against class and id tokens one at a time, so 'article-body' never matches while 'share-tools' does.
const CHROME_TOKEN =
  /(^|[-_])(nav|navbar|menu|breadcrumbs?|masthead|topbar|ticker|cookies?|consent|gdpr|privacy-modal|newsletter|signup|subscribe|subscription|paywall(-teaser)?|promo|ad|ads|advert|advertisement|ad-slot|ad-container|sponsor(ed)?|share|sharing|social|share-tools|tags|post-tags|related|related-stories|recommended|recommended-widget|more-from|more-stories|most-read|popular|trending|outbrain|taboola|comments?|commentlist|comment-respond|respond|disqus|skip-link|footer|site-footer|site-header|header-wrap|footer-wrap|read-more|sidebar|widget|breaking-bar|modal|overlay|popup|toolbar|byline|byline-block|dateline|meta|article-meta|story-meta|post-meta|entry-meta|post-info|author-info|author-card|author-box|author-bio|caption|wp-caption-text|credits?|photo-credit)($|[-_])/i
const STRUCTURAL_TAGS = 'nav, form, button, dialog, iframe, noscript, template, [hidden], [aria-hidden="true"]'
// Captions and photo credits ('Foto: …', 'Bild: …') describe a picture, not the story.
const CHROME_TAGS = `${STRUCTURAL_TAGS}, figcaption`
const CHROME_ROLES = '[role="navigation"], [role="dialog"], [role="alertdialog"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"]'
const INVISIBLE_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i
/** A chrome-looking container holding more than this share of the page's paragraph text is kept: it is the article. */
const MAX_CHROME_SHARE = 0.4

// Tokens that carry a chrome word but do not name chrome: a negation ('non-paywall', 'category-no-newsletter'),
// WordPress term and state classes on the post itself ('tag-social', 'category-share', 'has-sharing'), and
// page-builder wrappers that hold the content ('elementor-widget-text-editor').
const NOT_CHROME_TOKEN = /(^|[-_])(no|non|not)[-_]|^(tag|category|has|anlass|format|status|type)-|^elementor-/i
// Classes WordPress puts on the article element itself (post_class()): such an element is the post, never chrome.
const POST_CLASS = /(^|\s)(hentry|type-post|status-publish)(\s|$)/

/** True when an element's class or id names it as page chrome. */
export function looksLikeChrome(el: Element): boolean {
  const cls = el.getAttribute('class') ?? ''
  if (POST_CLASS.test(cls)) return false
  const tokens = `${cls} ${el.getAttribute('id') ?? ''}`.split(/\s+/)
  return tokens.some((t) => t !== '' && !NOT_CHROME_TOKEN.test(t) && CHROME_TOKEN.test(t))
}

/**
 * Strip chrome from `doc` in place; never removes an element that holds most of the page's paragraph text.
 * `byClass: false` keeps to structure (nav, forms, dialogs, hidden parts, landmarks, page header and footer) and
 * leaves elements that only their class or id names as chrome, captions included.
 */
export function removeChrome(doc: Document, options: { byClass?: boolean } = {}): void {
  const byClass = options.byClass ?? true
  const body = doc.body
  if (!body) return
  const total = paragraphChars(body)
  const remove = (el: Element): void => {
    if (total > 0 && paragraphChars(el) / total > MAX_CHROME_SHARE) return
    el.remove()
  }
  for (const el of Array.from(body.querySelectorAll(`${byClass ? CHROME_TAGS : STRUCTURAL_TAGS}, ${CHROME_ROLES}`))) remove(el)
  // Hidden by inline style: readers never see it (Readability drops it too, but recovery re-reads this copy).
  for (const el of Array.from(body.querySelectorAll('[style]'))) {
    if (el.isConnected && INVISIBLE_STYLE.test(el.getAttribute('style') ?? '')) el.remove()
  }
  if (byClass) {
    for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
      if (el.isConnected && looksLikeChrome(el)) remove(el)
    }
  }
  // The page-level header and footer are chrome; an <article>'s own header holds the headline, so it stays, and so
  // does a header inside <main> or around the <h1> (the story's headline and lead when the page has no <article>).
  for (const el of Array.from(body.querySelectorAll('header, footer'))) {
    if (!el.isConnected || el.closest('article')) continue
    if (el.tagName === 'HEADER' && (el.closest('main, [role="main"]') || el.querySelector('h1'))) continue
    remove(el)
  }
}

function paragraphChars(root: Element): number {
  let n = 0
  for (const p of Array.from(root.querySelectorAll('p'))) n += (p.textContent ?? '').length
  return n
}
