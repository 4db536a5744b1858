// Package audit reads a web page and reports what is wrong with its filing
// footer.
//
// # The domain
//
// Every filed site must show its ICP filing number at the bottom of its
// home page, linked to the MIIT filing system at https://beian.miit.gov.cn/
// (互联网信息服务管理办法 and 非经营性互联网信息服务备案管理办法, 33号令
// Art. 13), and, once filed with the public-security system, its 公网安备
// number linked to that portal. Reviewers check footers by hand and
// providers' inspections cancel filings whose sites do not show them; real
// footers go wrong in predictable ways: the number hidden, linked to the
// old miitbeian host, another subject's number, a placeholder left by a
// theme, a misspelt prefix.
//
// # What is here
//
// [AuditFooter] streams a page through golang.org/x/net/html, up to
// [DefaultLimit] bytes (see [Limit]), and compares what a reader of the
// page sees with the [icp.Footer] the site should show. It returns an
// [icp.Report] whose findings carry the line of the page. Options are
// [icp.Option] values: [icp.WithLanguage] picks the language of the
// messages, [Limit] and [Tail] are this package's own.
package audit
