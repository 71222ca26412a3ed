import style from './style.js'
import { runAnalyzerTests } from '../../test-support/analyzer-tester.js'

runAnalyzerTests(style, {
  valid: [
    { text: 'The council approved the budget on Monday after a long debate.' },
    { text: 'Senator Marisol Okonkwo met officials from the DNC and NATO in Brussels.', ids: ['misspelling', 'all-caps'] },
    { text: 'Kowalczyk said the plan was sound.', ids: ['misspelling'] },
    { text: 'He called it “an absolute disaster” in a statement.', ids: ['sensational'] },
    { text: 'The e-mails were released on Tuesday.', ids: ['misspelling'] },
    { text: 'Rumours spread that the centre had cancelled the programme.', ids: ['misspelling'] },
    // Specialist vocabulary (vocabulary.json, drug-name stems, combining forms).
    { text: 'Doctors confirmed a case of bubonic plague; a second patient had the pneumonic form and was given doxycycline.', ids: ['misspelling'] },
    { text: 'A nurse placed a cannula before the thrombectomy, and angiography showed the clot; alteplase was not used.', ids: ['misspelling'] },
    { text: 'The hydrogeologist said the leachate had reached the aquifer, and the court heard an amicus brief on estoppel.', ids: ['misspelling'] },
    { text: 'The spectrograph recorded starspots on the exoplanet host, and seismometers picked up the pyroclastic flow.', ids: ['misspelling'] },
    // Accented words and the loanwords beside them.
    { text: 'The new café sells pastéis de nata, a bifana sandwich and crème brûlée.', ids: ['misspelling'] },
    // Quoted words (a tweet quoted in the article) are the speaker's, not the outlet's.
    { text: 'On Monday night, the mayor tweeted: "Their is only so much our crews can do when people park overnite."', ids: ['misspelling'] },
    { text: 'The senator wrote “the goverment says nothing” and later deleted it.', ids: ['misspelling'] },
    // An embedded tweet as extracted from a page: the paragraph carries its signature.
    { text: 'The post spread fast.\n\nDefinately a coverup at city hall pic.twitter.com/x1y2 — Rick Dawes (@rickdawes) November 15, 2019\n\nThe clerk did not reply.', ids: ['misspelling'] },
    // Names: a word the text also writes capitalized; compounds and prefixed words of known words.
    { text: 'Singer Taylor Reed thanked fans. Later, taylor posted again about the lockdown and the fanbase.', ids: ['misspelling'] },
    { text: 'The counterterrorism unit held a roundtable on the screengrab, a pre-game show and the frontrunner.', ids: ['misspelling'] },
    // British spellings with two changes, and censored or cut-up tokens.
    { text: 'The patient was anaesthetised, the judgement catalogued, and the councillors were defenceless.', ids: ['misspelling'] },
    { text: 'He called it f***ing stupid and posted it at www.example.com yesterday.', ids: ['misspelling'] },
    // A passage in another language inside an English article.
    { text: 'The paper wrote: Le ministre a déclaré que les élections auront lieu en mai. Officials did not comment.', ids: ['misspelling'] },
    { text: 'Il ministro ha detto che le elezioni si terranno a maggio, secondo il giornale locale.', ids: ['misspelling'] },
  ],
  invalid: [
    { text: 'Sessions was a supporter during the presidencial race.', ids: ['misspelling'], findings: [{ id: 'misspelling', quote: 'presidencial' }] },
    { text: 'The mayor said it was an embarassment.', ids: ['misspelling'], findings: [{ id: 'misspelling', quote: 'embarassment' }] },
    // Real typos in the outlet's own words are still flagged, also next to excused words.
    {
      text: 'The goverment recieved the thrombectomy report untill Friday, and the café was closed.',
      ids: ['misspelling'],
      findings: [{ id: 'misspelling', quote: 'goverment' }, { id: 'misspelling', quote: 'recieved' }, { id: 'misspelling', quote: 'untill' }],
    },
    {
      text: 'It was writting on the wall that the hisloyal staff would leave, a supercede order said.',
      ids: ['misspelling'],
      findings: [{ id: 'misspelling', quote: 'writting' }, { id: 'misspelling', quote: 'hisloyal' }, { id: 'misspelling', quote: 'supercede' }],
    },
    { text: 'This is TOTALLY unacceptable, the group said.', ids: ['all-caps'], findings: [{ id: 'all-caps', quote: 'TOTALLY' }] },
    { text: 'They lied to us! Wake up!!', ids: ['exclamation'], findings: [{ id: 'exclamation', quote: '!' }, { id: 'exclamation', quote: '!' }] },
    {
      text: 'Shocking report exposes council. The council met on Monday.',
      title: 'Shocking report exposes council.',
      ids: ['sensational'],
      findings: [
        { id: 'sensational', quote: 'Shocking' },
        { id: 'sensational', quote: 'exposes' },
      ],
    },
    {
      text: 'The council met on Monday.',
      title: 'YOU WON\'T BELIEVE WHAT THE COUNCIL DID',
      ids: ['sensational', 'title-all-caps'],
      findings: [
        { id: 'sensational', quote: '' },
        { id: 'title-all-caps', quote: '' },
      ],
    },
  ],
})
