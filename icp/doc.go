// Package icp deals with ICP filings (ICP备案) as a hosting panel sees them:
// the numbers, the footer a site must show, the pre-check of an application
// and the rules on domains, site names and pre-approvals.
//
// # Start here
//
// Most users need five calls:
//
//   - [DecodeApplication] reads a filing application from JSON, strictly;
//   - [Check] runs every rule on it and returns a [Report] of findings;
//   - [ParseNumber] and [NormalizeNumber] read filing numbers;
//   - [Footer.HTML] renders the footer snippet a site must show;
//   - refile.Plan (package icp/refile) tells which filings a change of
//     hosting needs, and audit.AuditFooter (package icp/audit) checks a
//     published page.
//
// The rest of icp is their vocabulary. Sub-packages hold one concept each:
// icp/domain (registrable domains and the fileable-suffix list),
// icp/content (the site-name words and pre-approval keywords),
// icp/workday (the working-day calendar), icp/audit (the footer audit) and
// icp/refile (deployments and the re-filing plan). icp/domain,
// icp/content and icp/workday stand alone; icp builds on them; icp/audit and icp/refile
// build on icp and take its [Option] values.
//
// # The domain
//
// Every website, App, mini-program or quick app served from a mainland
// server must be filed with the communications administration (管局) of the
// subject's province, through the access provider (接入商) that hosts it. A
// filing has a subject (主体: a company, a government body, an individual …,
// see package subject) and its services. The authority gives the subject
// one number and each service a number under it:
//
//	京ICP备12345678号        the subject (主体备案号); 10-digit serials since about 2019
//	京ICP备12345678号-1      its first website (网站备案号)
//	京ICP备12345678号-2A     an App; -NX a mini-program, -NK a quick app
//
// The N of -N is shared by all service types and has no upper bound. The
// province shows as a one-character abbreviation (package province). A
// commercial service additionally holds a licence (经营许可证: 京ICP证030173号,
// or a value-added telecom licence 粤B2-20090059), and within 30 days of
// opening a site is also filed with the public-security system, whose
// number has 14 digits starting with the province code (京公网安备11010502026149号).
//
// # Numbers
//
// [Number] is a small comparable value for all of these. [ParseNumber] reads
// the canonical form and allocates nothing; [NormalizeNumber] reads what
// people type (spaces, full width, 号 misplaced or doubled) and says what it
// fixed. Errors are [*NumberError] values that name the part at fault.
//
// # Footers
//
// A site shows its number at the bottom of its home page, linked to
// https://beian.miit.gov.cn/ (33号令 Art. 13); a site number, not the bare
// subject number, except in Guangdong according to one provider. [Footer]
// renders the snippet as HTML or text, refusing inconsistent numbers; the
// footer audit of package icp/audit reads a page and reports what is wrong
// with its footer.
//
// # The application check
//
// [Application] is a filing application in a fixed JSON form that
// [DecodeApplication] reads strictly, naming the JSON path of any error.
// [Check] runs every rule ([CheckRules] lists them with their sources) and
// returns all findings at once. Options set the date ([At]), the provider
// [Profile] ([Default] unless given; [Alibaba], [Tencent], [Huawei]), the rule
// table, the language, a phone locator and a material opener. Rules come
// from the province table (package province), the fileable-suffix list of
// package icp/domain and the word lists of package icp/content (site-name
// words, pre-approval categories and keywords), each replaceable with its
// Load function; those files are tab-separated with "#" comments and
// "#@ version" lines, and a loader refuses input over 4 MiB. What cannot be
// checked offline appears as info findings. [RegisterValidations] and [RegisterTranslations] offer the same
// identifiers as validator/v10 tags to host applications.
//
// # The timeline
//
// [NewTimeline] dates an order from the provider's first review to the
// authority's latest decision and the police filing, counting working days
// with the calendar of package icp/workday. [Verifiers] says who must pass
// the MIIT SMS verification for a filing type.
//
// # Domains and sites
//
// [CheckSiteName] and [CheckPreApproval] judge a site on its own; the
// domain rules use package icp/domain.
//
// # Findings
//
// Checks return a [Report] of [Finding] values: a stable code, a
// [Severity], the JSON path of the field at fault or the line of a page,
// parameters, the source keys of the rule, and a message in zh-Hans or en
// from golang.org/x/text message catalogs ([Codes] lists every code).
// [NewFinding] and [NewReport] let a panel add findings of its own that
// read like these.
//
// # Dates are China's
//
// Every date rule (rules in force, ages, validity windows, domain expiry,
// letter ages), [At], "today", the working days and the [Timeline] use the
// civil date in China Standard Time: UTC+8, a fixed zone (no daylight
// saving since 1991, no time-zone database needed), exported as
// workday.China. A time in any zone is taken at its date in China, so a
// server in UTC gets the same answers as one in Shanghai.
package icp
