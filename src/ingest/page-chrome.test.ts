import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseHTML } from 'linkedom'
import { looksLikeChrome, removeChrome } from './page-chrome.js'

function doc(body: string): Document {
  return (parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`) as unknown as { document: Document }).document
}

function el(attrs: string): Element {
  return doc(`<div ${attrs}>x</div>`).querySelector('div')!
}

test('class and id tokens that name chrome, and tokens that only look like it', () => {
  const chrome = ['class="share-tools"', 'class="newsletter-box"', 'id="related-stories"', 'class="wp-caption-text"', 'class="author-bio"']
  for (const attrs of chrome) assert.equal(looksLikeChrome(el(attrs)), true, attrs)
  const content = [
    'class="article-body"',
    // negated: the page says this part is not behind the paywall, or the post opts out of the newsletter feed
    'class="row non-paywall"',
    'class="category-no-newsletter-rss"',
    // WordPress term and state classes on the post itself
    'class="post type-post status-publish hentry tag-social-media category-share"',
    'class="story tag-comments has-sharing"',
    // page-builder wrappers around the text
    'class="elementor-widget elementor-widget-text-editor"',
    // a printable recipe step is content; print buttons are <button>s, removed as such
    'class="tip-print-step"',
  ]
  for (const attrs of content) assert.equal(looksLikeChrome(el(attrs)), false, attrs)
})

test('captions and photo credits go; a header inside <main> or around the <h1> stays, the site header goes', () => {
  const d = doc(`
    <header class="site"><a href="/">Eastbrook Post</a> Home World Sport</header>
    <main>
      <header><h2>Ferry service returns</h2><p class="lead">The harbour ferry runs again from Monday after a two-year pause.</p></header>
      <p>The operator said tickets go on sale this week at the harbour office and online.</p>
      <figure><img src="a.jpg"><figcaption>The ferry at the quay. Photo: Ann Lee</figcaption></figure>
      <p class="photo-credit">Picture: Eastbrook archive</p>
    </main>`)
  removeChrome(d)
  const text = d.body.textContent!.replace(/\s+/g, ' ')
  assert.match(text, /The harbour ferry runs again from Monday/)
  assert.match(text, /tickets go on sale this week/)
  assert.doesNotMatch(text, /Home World Sport/)
  assert.doesNotMatch(text, /Photo: Ann Lee/)
  assert.doesNotMatch(text, /Eastbrook archive/)

  const noMain = doc(`<header class="article-head"><h1>Council delays the vote</h1><p>The budget vote moves to March.</p></header>
    <div><p>Councillors asked for more time to read the auditors' report on the new depot.</p></div>`)
  removeChrome(noMain)
  assert.match(noMain.body.textContent!, /The budget vote moves to March/)
})
