package audit

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/internal/norm"
)

// Source keys of the findings (province/data/sources.tsv).
const (
	srcShow      = "QC-general; HW-after"         // show the number at the bottom, linked
	srcLink      = "HW-after; HW-err"             // the link target is https://beian.miit.gov.cn
	srcOldHost   = "HW-err; TC-num"               // miitbeian and miibeian are obsolete
	srcWhich     = "HW-after (doc_0033); JD-link" // which number the footer shows
	srcPSB       = "TC-psb; QC-psb"               // the public-security number, linked
	srcPSBPortal = "TC-psb; QC-psb; TP-mps"       // beian.gov.cn legacy, beian.mps.gov.cn today
	srcForm      = "TC-num"                       // the canonical forms of numbers
	srcPSBForm   = "TC-psb; PA-psb"               // 14-digit public-security numbers
	srcBottom    = "QC-general (33号令 Art. 13)"    // bottom centre of the home page
	srcHeuristic = "icpkit heuristic"             // placeholders, dummies, vanity prefixes
	srcAlias     = "TC-num; TC-P-四川"              // usual abbreviations: 蜀 rather than 川
	srcWhichHW   = "HW-after (doc_0033)"          // another number shown
)

// auditor turns what the walker found into findings.
type auditor struct {
	fd        *finder
	want      icp.Footer
	found     []seen
	total     int64
	tail      int
	truncated bool
	limit     int64
	base      string
}

// numbers reports the spelling of every number and number-like text seen:
// folded characters with their fix, a doubled 号, placeholders, dummies,
// vanity prefixes, outdated public-security numbers and text that does not
// parse.
func (a *auditor) numbers() {
	fd := a.fd
	for i := range a.found {
		s := &a.found[i]
		switch s.junk {
		case junkPlaceholder:
			fd.addLine("audit.placeholder", icp.SeverityWarning, s.line, srcHeuristic, "text", s.text)
			continue
		case junkUnofficial:
			fd.addLine("audit.unofficial_number", icp.SeverityWarning, s.line, srcForm, "text", s.text)
			continue
		case junkOutdated:
			fd.addLine("audit.police_outdated", icp.SeverityWarning, s.line, srcPSBForm, "text", s.text)
			continue
		case junkUnreadable:
			key := reasonKey(s.why)
			fd.addLine("audit.number_unreadable", icp.SeverityWarning, s.line, srcForm,
				"text", s.text, "reason", key, "why", reasonText(fd.lang, key))
			continue
		}
		var fx []string
		for _, f := range s.fixes {
			if f != icp.FixDoubleHao {
				fx = append(fx, string(f))
			}
		}
		if len(fx) > 0 {
			fd.addLine("audit.number_format", icp.SeverityWarning, s.line, srcForm,
				"number", s.n.String(), "text", s.text, "fixes", strings.Join(fx, ","), "how", fixText(fd.lang, fx))
		}
		if s.double {
			fd.addLine("audit.double_hao", icp.SeverityWarning, s.line, srcForm, "number", s.n.String())
		}
		if !s.n.CanonicalAbbr() {
			usual := s.n.Province().ICPAbbr()
			if s.n.Kind() == icp.PoliceFiling {
				usual = s.n.Province().PSBAbbr()
			}
			fd.addLine("audit.number_alias", icp.SeverityWarning, s.line, srcAlias, "number", s.n.String(), "usual", usual)
		}
		if s.n.LikelyDummy() && !a.expected(s.n) {
			fd.addLine("audit.dummy_number", icp.SeverityWarning, s.line, srcHeuristic, "number", s.n.String())
		}
	}
}

// expected reports whether n is a number the caller gave: a serial that
// looks like a dummy is not flagged when the caller vouches for it.
func (a *auditor) expected(n icp.Number) bool {
	w := a.want
	return w.ICP.IsValid() && (same(n, w.ICP) || same(n, w.Shown())) || w.Police.IsValid() && same(n, w.Police)
}

// filing reports whether n is a 备 number (subject or service).
func filing(n icp.Number) bool {
	k := n.Kind()
	return k >= icp.SubjectFiling && k <= icp.QuickAppFiling
}

func subjectOf(n icp.Number) icp.Number {
	s, _ := n.Subject()
	return s
}

// same reports whether a and b are the same number, however the province
// is abbreviated: 川ICP备… and 蜀ICP备… are one Sichuan filing (the alias
// is reported by numbers).
func same(a, b icp.Number) bool {
	if a.Compare(b) == 0 {
		return true // the usual case, without building the serials
	}
	return a.Kind() == b.Kind() && a.Province() == b.Province() && a.Index() == b.Index() &&
		a.Service() == b.Service() && a.Class() == b.Class() && a.Serial() == b.Serial()
}

// best returns the occurrence among found that the reader is meant to
// see: shown rather than hidden, linked rather than not, the last one
// (nearest the bottom) otherwise. It returns nil when match accepts none.
func (a *auditor) best(match func(icp.Number) bool) *seen {
	var b *seen
	score := func(s *seen) int {
		v := 0
		if s.hidden == "" {
			v += 4
		}
		if s.href != "" {
			v += 2
		}
		return v
	}
	for i := range a.found {
		s := &a.found[i]
		if !s.n.IsValid() || !match(s.n) {
			continue
		}
		if b == nil || score(s) >= score(b) {
			b = s
		}
	}
	return b
}

// icp reports on the ICP number: which number is shown, whether it is
// hidden, linked and at the bottom.
//
// A footer showing the expected number, or the number
// [icp.Footer.Shown] chooses, is right in every province. A site number of
// the expected subject is never an error: another service's number is a
// warning, and so is the bare subject number where the province's rules do
// not ask for it (HW-after says it may not be shown outside Guangdong;
// JD-link accepts either).
func (a *auditor) icp() {
	want, fd := a.want, a.fd
	if !want.ICP.IsValid() {
		return
	}
	exp := want.Shown()
	subj := subjectOf(want.ICP)
	m := a.best(func(n icp.Number) bool { return same(n, want.ICP) || same(n, exp) })
	if m == nil && exp.Kind() == icp.SubjectFiling {
		// The subject number is expected: any service of it will do.
		m = a.best(func(n icp.Number) bool { return filing(n) && same(subjectOf(n), subj) })
	}
	if m == nil {
		if s := a.best(func(n icp.Number) bool { return same(n, subj) }); s != nil && filing(want.ICP) {
			if want.AllowSubjectNumber {
				m = s
			} else {
				fd.addLine("audit.icp_subject_only", icp.SeverityWarning, s.line, srcWhich, "number", s.n.String(), "want", exp.String())
				m = s
			}
		}
	}
	if m == nil {
		if s := a.best(func(n icp.Number) bool { return filing(n) && same(subjectOf(n), subj) }); s != nil {
			fd.addLine("audit.icp_other_service", icp.SeverityWarning, s.line, srcWhich, "number", s.n.String(), "want", exp.String())
			m = s
		}
	}
	if m == nil {
		reported := false
		for _, s := range a.found {
			if filing(s.n) {
				fd.addLine("audit.icp_other_number", icp.SeverityError, s.line, srcWhichHW, "number", s.n.String(), "want", exp.String())
				reported = true
			}
		}
		if !reported {
			for _, s := range a.found {
				if s.n.Kind() == icp.ICPLicense {
					fd.addLine("audit.icp_license_for_filing", icp.SeverityError, s.line, srcWhichHW, "number", s.n.String(), "want", exp.String())
					reported = true
				}
			}
		}
		switch {
		case reported:
		case a.truncated:
			fd.add("audit.icp_not_seen", icp.SeverityWarning, "icpkit input bound", "number", exp.String(), "limit", strconv.FormatInt(a.limit, 10))
		default:
			fd.add("audit.icp_missing", icp.SeverityError, srcShow, "number", exp.String())
		}
		return
	}
	if m.hidden != "" {
		fd.addLine("audit.icp_hidden", icp.SeverityError, m.line, srcShow, "number", m.n.String(), "how", m.hidden)
	}
	if m.raw {
		return // its link, if any, is inside markup the browser does not read
	}
	switch kind, href := classifyMIIT(m.href, a.base); kind {
	case linkNone:
		fd.addLine("audit.icp_not_linked", icp.SeverityError, m.line, srcShow, "number", m.n.String())
	case linkObsolete:
		fd.addLine("audit.icp_obsolete_link", icp.SeverityWarning, m.line, srcOldHost, "number", m.n.String(), "href", href)
	case linkVariant:
		fd.addLine("audit.icp_link_variant", icp.SeverityWarning, m.line, srcLink, "number", m.n.String(), "href", href)
	case linkOther:
		fd.addLine("audit.icp_wrong_link", icp.SeverityError, m.line, srcLink, "number", m.n.String(), "href", href)
	}
	if a.total > 0 && m.offset < a.total*int64(100-a.tail)/100 && a.total-m.offset > bottomBytes {
		fd.addLine("audit.icp_not_at_bottom", icp.SeverityWarning, m.line, srcBottom, "number", m.n.String())
	}
}

// police reports on the 公网安备 number.
func (a *auditor) police() {
	want, fd := a.want, a.fd
	if !want.Police.IsValid() {
		return
	}
	s := a.best(func(n icp.Number) bool { return same(n, want.Police) })
	if s == nil {
		reported := false
		for _, o := range a.found {
			if o.n.Kind() == icp.PoliceFiling {
				fd.addLine("audit.police_other_number", icp.SeverityError, o.line, srcPSB, "number", o.n.String(), "want", want.Police.String())
				reported = true
			}
		}
		switch {
		case reported:
		case a.truncated:
			fd.add("audit.police_not_seen", icp.SeverityWarning, "icpkit input bound", "number", want.Police.String(), "limit", strconv.FormatInt(a.limit, 10))
		default:
			fd.add("audit.police_missing", icp.SeverityError, srcPSB, "number", want.Police.String())
		}
		return
	}
	if s.hidden != "" {
		fd.addLine("audit.police_hidden", icp.SeverityWarning, s.line, srcPSB, "number", s.n.String(), "how", s.hidden)
	}
	if s.raw {
		return
	}
	switch kind, href := classifyPolice(s.href, a.base, s.n); kind {
	case linkNone:
		fd.addLine("audit.police_not_linked", icp.SeverityWarning, s.line, srcPSB, "number", s.n.String())
	case linkObsolete:
		fd.addLine("audit.police_legacy_link", icp.SeverityWarning, s.line, srcPSBPortal, "number", s.n.String(), "href", href)
	case linkOther:
		fd.addLine("audit.police_wrong_link", icp.SeverityWarning, s.line, srcPSB, "number", s.n.String(), "href", href)
	}
}

type linkKind uint8

const (
	linkOK       linkKind = iota
	linkNone              // no link, an empty one, "#" or javascript:
	linkObsolete          // a legacy host
	linkVariant           // the right host, by plain http, www or another path
	linkOther             // anywhere else
)

// resolve reads href as a browser does: entities decoded, white space
// trimmed, relative to <base href> when there is one. A scheme-relative
// //host link keeps the page's scheme, reported as "".
func resolve(href, base string) (*url.URL, linkKind) {
	h := strings.TrimSpace(href)
	if strings.IndexByte(h, '&') >= 0 {
		h = html.UnescapeString(h)
	}
	if h == "" || h == "#" || len(h) >= 11 && strings.EqualFold(h[:11], "javascript:") {
		return nil, linkNone
	}
	u, err := url.Parse(h)
	if err != nil {
		return nil, linkOther
	}
	if base != "" && u.Host == "" {
		if b, err := url.Parse(strings.TrimSpace(html.UnescapeString(base))); err == nil {
			u = b.ResolveReference(u)
		}
	}
	return u, linkOK
}

func hostOf(u *url.URL) string {
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// classifyMIIT sorts the link of an ICP number. Hosts are compared
// exactly: evilmiitbeian.gov.cn is another site, not an obsolete one.
func classifyMIIT(href, base string) (linkKind, string) {
	switch href {
	case "https://beian.miit.gov.cn/", "https://beian.miit.gov.cn", "https://beian.miit.gov.cn/#/Integrated/index":
		return linkOK, "" // today's address as written nearly always, read without url.Parse
	}
	shown := norm.Clip(strings.TrimSpace(href), 120) // as reported
	u, k := resolve(href, base)
	if u == nil {
		return k, shown
	}
	switch host := hostOf(u); host {
	case "beian.miit.gov.cn":
		path := u.EscapedPath()
		switch {
		case u.Scheme != "https" && u.Scheme != "":
			return linkVariant, shown // plain http
		case path != "" && path != "/" && path != "/index" && !strings.HasPrefix(path, "/#"):
			return linkVariant, shown // an old portal path
		}
		return linkOK, ""
	case "www.beian.miit.gov.cn":
		return linkVariant, shown
	case "miitbeian.gov.cn", "www.miitbeian.gov.cn", "miibeian.gov.cn", "www.miibeian.gov.cn":
		return linkObsolete, shown
	}
	return linkOther, shown
}

// classifyPolice sorts the link of a 公网安备 number: the query page of
// beian.mps.gov.cn is today's; www.beian.gov.cn (its
// portal/registerSystemInfo?recordcode= page) the legacy one; a query
// naming another number is wrong.
func classifyPolice(href, base string, n icp.Number) (linkKind, string) {
	serial := n.Serial()
	if code, ok := strings.CutPrefix(href, "https://beian.mps.gov.cn/#/query/webSearch?code="); ok && code == serial {
		return linkOK, "" // today's query link as written nearly always, read without url.Parse
	}
	shown := norm.Clip(strings.TrimSpace(href), 120) // as reported
	u, k := resolve(href, base)
	if u == nil {
		return k, shown
	}
	host := hostOf(u)
	if host != "beian.mps.gov.cn" && host != "www.beian.gov.cn" && host != "beian.gov.cn" {
		return linkOther, shown
	}
	if code := queryCode(u.String()); code != "" && code != serial {
		return linkOther, shown // a query for another number
	}
	if host == "beian.mps.gov.cn" {
		return linkOK, ""
	}
	return linkObsolete, shown
}

// queryCode returns the digits after code= or recordcode= in a link, or "".
func queryCode(s string) string {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '=')
		if j < 0 {
			return ""
		}
		i += j + 1
		if i >= 5 && strings.EqualFold(s[i-5:i-1], "code") {
			d := s[i:]
			j = 0
			for j < len(d) && d[j] >= '0' && d[j] <= '9' {
				j++
			}
			return d[:j]
		}
	}
}

// reasonKey names the part of a number that did not parse.
func reasonKey(err error) string {
	switch {
	case errors.Is(err, errNoAbbr):
		return "no_abbreviation"
	case errors.Is(err, icp.ErrAbbreviation):
		return "abbreviation"
	case errors.Is(err, icp.ErrSerial):
		return "serial"
	case errors.Is(err, icp.ErrIndex):
		return "index"
	case errors.Is(err, icp.ErrMismatch):
		return "mismatch"
	}
	return "format"
}

var reasons = map[string][2]string{
	"no_abbreviation": {"前面缺少省份简称", "the province abbreviation is missing"},
	"abbreviation":    {"开头不是省份简称", "it does not start with a province abbreviation"},
	"serial":          {"序号位数不对", "the serial has the wrong number of digits"},
	"index":           {"服务序号无效", "the service index is invalid"},
	"mismatch":        {"各部分不一致，如公安备案号的前两位属于另一个省份", "its parts disagree, such as police digits of another province"},
	"format":          {"不符合任何备案号或许可证号的格式", "it has the shape of no filing or licence number"},
}

func reasonText(lang language.Tag, key string) string {
	r, ok := reasons[key]
	if !ok {
		r = reasons["format"]
	}
	if catalog.IsEnglish(lang) {
		return r[1]
	}
	return r[0]
}

// fixText describes fixes in the report's language, with the messages of
// [icp.Fix.MessageCode].
func fixText(lang language.Tag, fixes []string) string {
	parts := make([]string, 0, len(fixes))
	for _, f := range fixes {
		parts = append(parts, icp.Message(lang, icp.Fix(f).MessageCode(), nil))
	}
	if catalog.IsEnglish(lang) {
		return strings.Join(parts, "; ")
	}
	return strings.Join(parts, "；")
}
