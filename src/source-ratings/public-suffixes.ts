// The small public-suffix list the registrable-domain parser needs: multi-part country suffixes and hosting platforms.
// Not the whole Public Suffix List (~9,000 rules): news domains need the common second-level suffixes, and the
// platforms matter because a blog on x.blogspot.com must not inherit blogspot.com's own rating.

/** Two-label public suffixes under country codes (co.uk, com.au …): the registrable domain is one label more. */
export const MULTI_PART_SUFFIXES: ReadonlySet<string> = new Set([
  'ac.uk', 'co.uk', 'gov.uk', 'ltd.uk', 'me.uk', 'net.uk', 'org.uk', 'plc.uk', 'sch.uk', 'police.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'net.nz', 'org.nz', 'ac.nz', 'govt.nz', 'school.nz',
  'co.za', 'org.za', 'gov.za', 'ac.za', 'net.za', 'web.za',
  'co.jp', 'or.jp', 'ne.jp', 'ac.jp', 'go.jp', 'ed.jp',
  'co.kr', 'or.kr', 'go.kr', 'ac.kr', 'ne.kr',
  'co.in', 'net.in', 'org.in', 'gov.in', 'ac.in', 'nic.in', 'firm.in', 'gen.in', 'ind.in',
  'com.br', 'net.br', 'org.br', 'gov.br', 'edu.br', 'art.br', 'jor.br',
  'com.ar', 'gob.ar', 'org.ar', 'net.ar',
  'com.mx', 'org.mx', 'gob.mx', 'edu.mx', 'net.mx',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn',
  'com.hk', 'org.hk', 'gov.hk', 'edu.hk', 'com.tw', 'org.tw', 'gov.tw', 'edu.tw',
  'com.sg', 'org.sg', 'gov.sg', 'edu.sg', 'com.my', 'org.my', 'gov.my',
  'com.ph', 'gov.ph', 'com.pk', 'org.pk', 'gov.pk', 'com.bd', 'com.np', 'gov.np', 'com.lk',
  'co.id', 'or.id', 'go.id', 'ac.id', 'co.th', 'or.th', 'go.th', 'ac.th', 'com.vn', 'gov.vn',
  'co.il', 'org.il', 'gov.il', 'ac.il', 'com.tr', 'org.tr', 'gov.tr', 'net.tr', 'bel.tr', 'av.tr',
  'com.ua', 'org.ua', 'gov.ua', 'in.ua', 'kiev.ua', 'com.ru', 'org.ru', 'net.ru', 'msk.ru', 'spb.ru',
  'com.eg', 'org.eg', 'gov.eg', 'com.lb', 'org.lb', 'com.sa', 'gov.sa', 'com.qa', 'gov.qa', 'com.kw',
  'co.ae', 'gov.ae', 'com.jo', 'com.sy', 'com.iq', 'co.ir', 'ac.ir',
  'com.ng', 'gov.ng', 'org.ng', 'com.gh', 'gov.gh', 'co.ke', 'or.ke', 'go.ke', 'co.ug', 'co.tz', 'co.zw', 'co.zm', 'co.bw',
  'com.et', 'com.na', 'co.ma', 'gov.ma',
  'com.co', 'gov.co', 'org.co', 'com.pe', 'gob.pe', 'org.pe', 'com.ve', 'gob.ve', 'com.ec', 'gob.ec', 'com.uy', 'com.py',
  'com.bo', 'com.do', 'com.gt', 'com.sv', 'com.hn', 'com.ni', 'co.cr', 'com.pa', 'com.pr', 'com.cu', 'co.ve',
  'com.gr', 'gov.gr', 'com.cy', 'com.mt', 'gov.mt', 'com.pl', 'net.pl', 'org.pl', 'gov.pl', 'com.pt', 'gov.pt',
  'co.at', 'or.at', 'gv.at', 'ac.at', 'com.es', 'org.es', 'gob.es', 'gouv.fr', 'asso.fr', 'com.fr', 'co.it', 'gov.it',
  'com.ro', 'org.ro', 'co.hu', 'com.hr', 'co.rs', 'org.rs', 'com.mk', 'com.al', 'com.ge', 'com.az', 'co.uz', 'com.kz',
  'gc.ca', 'gov.ca', 'on.ca', 'qc.ca', 'bc.ca', 'ab.ca',
  'com.fj', 'com.pg', 'gen.nz',
])

/**
 * Hosting platforms whose subdomains belong to different publishers (entries of the Public Suffix List's private
 * section, and a few more where news-like blogs live). A rating of the platform itself (blogspot.com 0.67) applies
 * to the bare platform only.
 */
export const PLATFORM_SUFFIXES: ReadonlySet<string> = new Set([
  'blogspot.com', 'wordpress.com', 'substack.com', 'medium.com', 'tumblr.com', 'github.io', 'gitlab.io',
  'wixsite.com', 'weebly.com', 'squarespace.com', 'typepad.com', 'livejournal.com', 'altervista.org', 'over-blog.com',
  'webnode.com', 'jimdofree.com', 'jimdo.com', 'sites.google.com', 'blogs.google.com', 'netlify.app', 'vercel.app',
  'herokuapp.com', 'wpengine.com', 'wpcomstaging.com', 'azurewebsites.net', 'cloudfront.net', 'appspot.com',
  'firebaseapp.com', 'web.app', 'pages.dev', 'home.blog', 'business.site', 'neocities.org', 'tripod.com',
  'angelfire.com', 'blog.com', 'ghost.io', 'beehiiv.com', 'mystrikingly.com', 'webflow.io', 'carrd.co',
  'hubpages.com', 'tistory.com', 'over-blog.fr',
])

/** Second-level labels that are hosting platforms under every country code (blogspot.it, blogspot.co.uk). */
export const PLATFORM_LABELS: ReadonlySet<string> = new Set(['blogspot'])
