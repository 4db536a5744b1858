// Package audit reads a web page and reports what is wrong with its filing
// footer.
//
// # The domain
//
// Every filed site must show its ICP filing number at the bottom of its
// home page, linked to the MIIT filing system at https://beian.miit.gov.cn/
// (互联网信息服务管理办法 and 非经营性互联网信息服务备案管理办法, 33号令
// Art. 13), and, once filed with the public-security system, its 公网安备
// number linked to that system's query page. Reviewers check footers by
// hand and providers' inspections cancel filings whose sites do not show
// them; real footers go wrong in predictable ways: the number hidden,
// linked to the old miitbeian host, another subject's number, a
// placeholder left by a theme, a misspelt prefix.
//
// # What is here
//
// [AuditFooter] streams a page through golang.org/x/net/html, up to
// [DefaultLimit] bytes (see [Limit]), and compares what a reader of the
// page sees with the [icp.Footer] the site should show. It returns an
// [icp.Report] whose findings carry the line of the page. Options are
// [icp.Option] values: [icp.WithLanguage] picks the language of the
// messages, [Limit] and [Tail] are this package's own.
//
// # What a reader sees
//
// Text is read as a browser renders it: character references decoded,
// text joined across inline elements (<span>, <b>, <a>, custom elements),
// split at block elements, without zero-width characters and soft
// hyphens, in the page's own encoding (byte-order mark or <meta charset>;
// undeclared pages that are not UTF-8 are read as GB18030). The numbers in
// it are found by [icp.FindNumbers]: after the serial only 号, a service
// index -N[AXK] and spaces belong to the number, so "…号 Copyright" reads
// right.
//
// A number is hidden by the hidden attribute, display:none or
// visibility:hidden in a style attribute of any length (an element with
// both hides either way), an ancestor at any depth, <template>, a closed
// <details> (its <summary> shows), and by being inside <noscript>,
// <title>, <textarea> or <iframe>, each reported as such. Out of scope, as
// they need a style engine: CSS classes and style sheets (class="hidden"),
// colours, font sizes, opacity, positioning off-screen, and text drawn by
// scripts. Memory stays bounded on any nesting: deep elements are counted,
// not kept, and only the outermost hiding element is remembered.
//
// # Which number, which link
//
// A footer showing the expected number, or the number [icp.Footer.Shown]
// chooses (the subject number where the province's rules ask for it:
// Guangdong, UNCERTAIN), is right in every province, as is any service of
// the expected subject when a subject number is expected. The bare subject
// number where a site number is expected is a warning, not an error:
// Huawei Cloud's knowledge base says it may not be shown outside Guangdong
// (HW-after, doc_0033), while JD Cloud's page on the link accepts either
// (JD-link). Another service of the same subject is a warning; another
// subject's number is an error.
//
// Links are read against <base href>, and hosts compared exactly:
// https://beian.miit.gov.cn/ with or without #/Integrated/index is today's
// address; http://, www.beian.miit.gov.cn and old portal paths are
// variants, miitbeian.gov.cn and miibeian.gov.cn obsolete hosts (HW-err,
// TC-num), all warnings; any other host, evilmiitbeian.gov.cn included, is
// wrong. A 公网安备 number links to https://beian.mps.gov.cn/#/query/webSearch?code=…
// (seen on current footers, UNCERTAIN: TP-mps); the portal
// www.beian.gov.cn/portal/registerSystemInfo?recordcode=… is legacy (TC-psb,
// QC-psb), a warning.
//
// # Speed
//
// The audit takes time linear in the page, and about 1.1–1.3 times the
// CPU time of a bare x/net/html tokenizer loop over the same page
// (BenchmarkAuditVsTokenizer). Most of the time is the tokenizer's; the
// audit adds a few dozen instructions per token, and classifies the text
// for what a number may start with. On amd64 a vector classifier, chosen at
// run time with golang.org/x/sys/cpu, does that 64 bytes at a time with
// AVX-512BW or 32 at a time with AVX2 (classify_amd64.s: nibble lookups
// with VPSHUFB); elsewhere, and under the purego build tag, a character
// loop in Go does the same. Dense markup (four tags every 100 bytes) comes
// closest to 1.3: about 1.24 with AVX-512BW, 1.29 with AVX2 and 1.3 with
// the character loop at 10 KB.
//
// # Sources
//
// Findings name source keys (HW-after, HW-err, QC-general, TC-num, TC-psb,
// QC-psb, TP-mps, JD-link …) that province.LookupSource resolves to a
// publisher, a title and a public address; Finding.Sources does it for a
// finding. Heuristics of this library (placeholders, dummy serials) say
// "icpkit heuristic".
//
// # Evidence
//
// testdata/realworld/footers.tsv holds 524 hand-labelled occurrences of
// numbers in public repositories (sources and labelling rules in its
// README.md); TestRealWorldFooters wraps each in a page and reports the
// audit's precision and recall on the labelled defects.
package audit
