package audit

import (
	"bytes"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/internal/catalog"
	"github.com/icpkit/icpkit/internal/norm"
	"github.com/icpkit/icpkit/internal/opt"
)

// DefaultLimit is how many bytes of a page [AuditFooter] reads unless
// told otherwise: 2 MiB. Footers sit at the end of a page, so a page cut
// there reports audit.truncated.
const DefaultLimit = 2 << 20

// maxAuditNumbers bounds the numbers an audit collects: a footer holds a
// handful, and a page full of numbers is not a footer.
const maxAuditNumbers = 100

// Limit sets how many bytes of the page [AuditFooter] reads (at least
// 1 KiB).
func Limit(n int64) icp.Option {
	return func(c *opt.Config) { c.AuditLimit = max(n, 1024) }
}

// bottomBytes: a number within the last 4 KiB of a page is at its bottom,
// whatever the page's length.
const bottomBytes = 4 << 10

// Tail sets the share of the page, in percent from the end, in which the
// number counts as "at the bottom" (default 40); the last 4 KiB always
// count.
func Tail(percent int) icp.Option {
	return func(c *opt.Config) { c.AuditTail = min(max(percent, 1), 100) }
}

func init() {
	register(
		msg("audit.icp_missing", []string{"number"}, "页面上没有找到备案号 %[1]s", "the filing number %[1]s is not on the page"),
		msg("audit.icp_not_linked", []string{"number"}, "备案号 %[1]s 没有链接到 https://beian.miit.gov.cn/", "the filing number %[1]s is not linked to https://beian.miit.gov.cn/"),
		msg("audit.icp_obsolete_link", []string{"number", "href"}, "备案号 %[1]s 链接到已停用的地址 %[2]s，应为 https://beian.miit.gov.cn/", "the filing number %[1]s links to the obsolete address %[2]s instead of https://beian.miit.gov.cn/"),
		msg("audit.icp_link_variant", []string{"number", "href"}, "备案号 %[1]s 的链接 %[2]s 不是标准地址 https://beian.miit.gov.cn/", "the filing number %[1]s links to %[2]s rather than https://beian.miit.gov.cn/"),
		msg("audit.icp_wrong_link", []string{"number", "href"}, "备案号 %[1]s 链接到 %[2]s，而不是工信部备案系统", "the filing number %[1]s links to %[2]s, not to the MIIT filing system"),
		msg("audit.icp_other_number", []string{"number", "want"}, "页面展示的是 %[1]s，而不是本站的备案号 %[2]s", "the page shows %[1]s instead of this site's number %[2]s"),
		msg("audit.icp_subject_only", []string{"number", "want"}, "页面只展示了主体备案号 %[1]s，应展示网站备案号 %[2]s", "the page shows only the subject number %[1]s; it should show the site number %[2]s"),
		msg("audit.icp_license_for_filing", []string{"number", "want"}, "页面展示的是许可证号 %[1]s，备案号 %[2]s 也须展示", "the page shows the licence %[1]s; the filing number %[2]s must be shown as well"),
		msg("audit.icp_hidden", []string{"number", "how"}, "备案号 %[1]s 被隐藏（%[2]s）", "the filing number %[1]s is hidden (%[2]s)"),
		msg("audit.icp_not_at_bottom", []string{"number"}, "备案号 %[1]s 不在页面底部", "the filing number %[1]s is not at the bottom of the page"),
		msg("audit.number_format", []string{"number", "fixes"}, "号码 %[1]s 的写法不规范（%[2]s）", "the number %[1]s is not written in its standard form (%[2]s)"),
		msg("audit.double_hao", []string{"number"}, "号码 %[1]s 中“号”重复", "the number %[1]s repeats “号”"),
		msg("audit.placeholder", []string{"text"}, "页面上有占位符而不是备案号：%[1]s", "the page shows a placeholder instead of a number: %[1]s"),
		msg("audit.unofficial_number", []string{"text"}, "%[1]s 不是工信部的备案号（非官方前缀）", "%[1]s is not an MIIT filing number (unofficial prefix)"),
		msg("audit.police_missing", []string{"number"}, "页面上没有找到公安备案号 %[1]s", "the public-security number %[1]s is not on the page"),
		msg("audit.police_not_linked", []string{"number"}, "公安备案号 %[1]s 没有链接到公安备案查询页", "the public-security number %[1]s is not linked to its query page"),
		msg("audit.police_legacy_link", []string{"number", "href"}, "公安备案号 %[1]s 链接到旧地址 %[2]s", "the public-security number %[1]s links to the legacy address %[2]s"),
		msg("audit.too_many_numbers", []string{"max"}, "页面上的备案号超过 %[1]s 个，只检查了前 %[1]s 个", "the page holds more than %[1]s numbers; only the first %[1]s were audited"),
		msg("audit.truncated", []string{"limit"}, "页面超过 %[1]s 字节，只检查了前面部分", "the page is longer than %[1]s bytes; only its beginning was audited"),
	)
}

// seen is one number found on the page.
type seen struct {
	n      icp.Number
	fixes  []icp.Fix
	raw    string
	line   int
	offset int64
	href   string
	hidden string
	double bool
	junk   string // "placeholder" or "unofficial" for text that is not a number
}

// AuditFooter reads an HTML page and reports how its footer compares with
// want: the expected ICP number missing, not linked to
// https://beian.miit.gov.cn/ or linked to an obsolete host, another number
// shown instead (another subject, the bare subject number, an ICP证 for the
// 备案号), hidden by display:none, visibility:hidden or the hidden attribute,
// not in the last part of the page; the 公网安备 number missing, unlinked or
// linked to the legacy portal; a doubled 号, placeholders, unofficial
// prefixes and non-standard spellings. Prose such as 阿里云ICP备案 is not a
// number.
//
// The page is tokenised as a stream with golang.org/x/net/html and read up
// to [DefaultLimit] bytes (see [Limit]). Findings carry the page
// line in [icp.Finding.Line]. The error is non-nil only when reading fails.
func AuditFooter(page io.Reader, want icp.Footer, opts ...icp.Option) (icp.Report, error) {
	cfg := opt.Apply(opts)
	if cfg.AuditLimit == 0 {
		cfg.AuditLimit = DefaultLimit
	}
	if cfg.AuditTail == 0 {
		cfg.AuditTail = 40
	}
	// One byte over the limit is read to tell a page of exactly the limit
	// from a longer one: N reaches 0 only for the longer.
	lr := &io.LimitedReader{R: page, N: cfg.AuditLimit + 1}
	z := html.NewTokenizer(lr)
	z.SetMaxBuf(int(cfg.AuditLimit) + 4096)
	type elem struct {
		tag    atom.Atom // 0 for unknown elements, matched by name
		name   string    // only for unknown elements
		hidden string
		href   string
	}
	var (
		stack    []elem
		found    []seen
		junk     []seen // placeholders and unofficial prefixes
		line     = 1
		pos      int64 // bytes of the page tokenised so far
		textBuf  []byte
		textLine int
		tooMany  bool
		nameBuf  [32]byte
	)
	hiddenNow := func() string {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].hidden != "" {
				return stack[i].hidden
			}
		}
		return ""
	}
	hrefNow := func() string {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].tag == atom.A {
				return stack[i].href
			}
		}
		return ""
	}
	flush := func(offset int64) {
		if len(textBuf) == 0 {
			return
		}
		if !mayHoldNumber(textBuf) {
			textBuf = textBuf[:0]
			return
		}
		for _, c := range scanText(string(textBuf), maxAuditNumbers+1-len(found)-len(junk)) {
			c.line, c.offset, c.href, c.hidden = textLine, offset, hrefNow(), hiddenNow()
			switch {
			case len(found)+len(junk) >= maxAuditNumbers:
				tooMany = true
			case c.n.IsValid():
				found = append(found, c)
			default:
				junk = append(junk, c)
			}
		}
		textBuf = textBuf[:0]
	}
	var readErr error
loop:
	for {
		tt := z.Next()
		raw := z.Raw()
		startLine := line
		line += bytes.Count(raw, []byte{'\n'})
		pos += int64(len(raw))
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				readErr = err
			}
			break loop
		case html.TextToken:
			if len(textBuf) == 0 {
				textLine = startLine
			}
			// Raw text: numbers hold no entities, and Text would copy.
			textBuf = append(textBuf, raw...)
			if len(textBuf) > 64<<10 {
				flush(pos)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, name := tagFromRaw(raw, &nameBuf)
			hasAttr := hasInterestingAttr(raw)
			if hasAttr {
				_, hasAttr = z.TagName()
			}
			if tag == atom.Br || tag == atom.Wbr {
				continue // inline breaks do not split a number
			}
			flush(pos)
			e := elem{tag: tag}
			if tag == 0 {
				e.name = string(name)
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "href":
					if tag == atom.A {
						e.href = string(v)
					}
				case "hidden":
					e.hidden = "hidden"
				case "style":
					e.hidden = hiddenStyle(v)
				}
			}
			if tt == html.StartTagToken && !voidElement(tag) {
				stack = append(stack, e)
				if len(stack) > 512 {
					stack = stack[len(stack)-512:] // bound deeply nested junk
				}
			}
			if tag == atom.Script || tag == atom.Style {
				// Skip their content: it is not shown.
				for {
					t2 := z.Next()
					line += bytes.Count(z.Raw(), []byte{'\n'})
					pos += int64(len(z.Raw()))
					if t2 == html.ErrorToken {
						if err := z.Err(); err != io.EOF {
							readErr = err
						}
						break loop
					}
					if t2 == html.EndTagToken {
						if n, _ := tagFromRaw(z.Raw(), &nameBuf); n == tag {
							stack = stack[:max(len(stack)-1, 0)]
							break
						}
					}
				}
			}
		case html.EndTagToken:
			tag, name := tagFromRaw(raw, &nameBuf)
			if tag == atom.Br {
				continue
			}
			flush(pos)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == tag && (tag != 0 || stack[i].name == string(name)) {
					stack = stack[:i]
					break
				}
			}
		}
	}
	flush(pos)
	fd := finder{lang: cfg.Lang}
	if readErr != nil && readErr != io.EOF {
		return icp.Report{}, readErr
	}
	truncated := lr.N == 0
	total := pos
	auditICP(&fd, want, found, total, cfg.AuditTail)
	auditPolice(&fd, want, found)
	for _, j := range junk {
		code, sev := "audit.placeholder", icp.SeverityError
		if j.junk == "unofficial" {
			code, sev = "audit.unofficial_number", icp.SeverityWarning
		}
		fd.addLine(code, sev, j.line, "peers.md §5", "text", j.raw)
	}
	if truncated {
		fd.add("audit.truncated", icp.SeverityInfo, "icpkit input bound", "limit", strconv.FormatInt(cfg.AuditLimit, 10))
	}
	if tooMany {
		fd.add("audit.too_many_numbers", icp.SeverityWarning, "icpkit input bound", "max", strconv.Itoa(maxAuditNumbers))
	}
	return fd.report(), nil
}

func voidElement(tag atom.Atom) bool {
	switch tag {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// hiddenStyle reports display:none or visibility:hidden in a style
// attribute, ignoring case and white space, without allocating.
func hiddenStyle(v []byte) string {
	var buf [256]byte
	n := 0
	for _, c := range v {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if n == len(buf) {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	switch st := buf[:n]; {
	case bytes.Contains(st, []byte("display:none")):
		return "display:none"
	case bytes.Contains(st, []byte("visibility:hidden")):
		return "visibility:hidden"
	}
	return ""
}

// mayHoldNumber is a cheap filter before scanText: every number holds ICP
// (any case or width), 公网安备 or a B1/B2 licence class.
func mayHoldNumber(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case 'P', 'p': // ICP in any case
			if i > 0 && (b[i-1]|0x20) == 'c' {
				return true
			}
		case '1', '2': // B1, B2
			if i > 0 && (b[i-1]|0x20) == 'b' {
				return true
			}
		case 0xE5: // 公 of 公网安备
			if bytes.HasPrefix(b[i:], []byte("公网安备")) {
				return true
			}
		case 0xEF: // full-width forms
			if bytes.HasPrefix(b[i:], []byte("Ｐ")) || bytes.HasPrefix(b[i:], []byte("ｐ")) || bytes.HasPrefix(b[i:], []byte("Ｂ")) {
				return true
			}
		}
	}
	return false
}

// tagFromRaw reads the element name of a start or end tag from its raw
// bytes, lower-cased into buf, without the allocation of Tokenizer.TagName.
func tagFromRaw(raw []byte, buf *[32]byte) (atom.Atom, []byte) {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			break
		}
		if n == len(buf) {
			return 0, nil // longer than any known element
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n]), buf[:n]
}

// hasInterestingAttr reports whether a raw tag may carry href, style or
// hidden, so that the allocating attribute API is used only then.
func hasInterestingAttr(raw []byte) bool {
	for i := 1; i+4 <= len(raw); i++ {
		switch raw[i] | 0x20 {
		case 'h':
			if eqFold(raw[i:], "href") || eqFold(raw[i:], "hidden") {
				return true
			}
		case 's':
			if eqFold(raw[i:], "style") {
				return true
			}
		}
	}
	return false
}

// eqFold reports whether b starts with the lower-case ASCII word w, in any
// case.
func eqFold(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if b[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

func (fd *finder) addLine(code string, sev icp.Severity, line int, source string, kv ...string) {
	f := icp.NewFinding(fd.lang, code, sev, "", source, kv...)
	f.Line = line
	fd.out = append(fd.out, f)
}

func auditICP(fd *finder, want icp.Footer, found []seen, total int64, tailPct int) {
	if !want.ICP.IsValid() {
		return
	}
	exp := want.Shown()
	var match *seen
	for i := range found {
		if found[i].n == exp {
			match = &found[i]
			break
		}
	}
	for i := range found {
		s := &found[i]
		if s.n.Kind() == icp.PoliceFiling {
			continue
		}
		if len(s.fixes) > 0 {
			var fx []string
			for _, f := range s.fixes {
				if f != icp.FixDoubleHao {
					fx = append(fx, string(f))
				}
			}
			if len(fx) > 0 {
				fd.addLine("audit.number_format", icp.SeverityWarning, s.line, "domain.md §1.1", "number", s.n.String(), "fixes", strings.Join(fx, ","))
			}
		}
		if s.double {
			fd.addLine("audit.double_hao", icp.SeverityWarning, s.line, "peers.md §5", "number", s.n.String())
		}
	}
	if match == nil {
		// Say what is shown instead, if anything.
		reported := false
		for _, s := range found {
			if s.n.Kind() == icp.PoliceFiling {
				continue
			}
			switch {
			case s.n.Kind() == icp.SubjectFiling && subjectOf(exp) == s.n:
				fd.addLine("audit.icp_subject_only", icp.SeverityError, s.line, "HW-after", "number", s.n.String(), "want", exp.String())
			case s.n.Kind() == icp.ICPLicense || s.n.Kind() == icp.TelecomLicense:
				continue // licences may be shown beside the filing number
			default:
				fd.addLine("audit.icp_other_number", icp.SeverityError, s.line, "HW-after", "number", s.n.String(), "want", exp.String())
			}
			reported = true
		}
		if !reported {
			for _, s := range found {
				if s.n.Kind() == icp.ICPLicense {
					fd.addLine("audit.icp_license_for_filing", icp.SeverityError, s.line, "HW-after", "number", s.n.String(), "want", exp.String())
					reported = true
				}
			}
		}
		if !reported {
			fd.add("audit.icp_missing", icp.SeverityError, "QC-general; HW-after", "number", exp.String())
		}
		return
	}
	if match.hidden != "" {
		fd.addLine("audit.icp_hidden", icp.SeverityError, match.line, "QC-general", "number", exp.String(), "how", match.hidden)
	}
	switch kind, href := classifyMIIT(match.href); kind {
	case linkNone:
		fd.addLine("audit.icp_not_linked", icp.SeverityError, match.line, "QC-general; HW-after", "number", exp.String())
	case linkObsolete:
		fd.addLine("audit.icp_obsolete_link", icp.SeverityError, match.line, "HW-err; TC-num", "number", exp.String(), "href", href)
	case linkVariant:
		fd.addLine("audit.icp_link_variant", icp.SeverityWarning, match.line, "peers.md §5", "number", exp.String(), "href", href)
	case linkOther:
		fd.addLine("audit.icp_wrong_link", icp.SeverityError, match.line, "HW-after", "number", exp.String(), "href", href)
	}
	if total > 0 && match.offset < total*int64(100-tailPct)/100 && total-match.offset > bottomBytes {
		fd.addLine("audit.icp_not_at_bottom", icp.SeverityWarning, match.line, "QC-general (33号令 Art. 13)", "number", exp.String())
	}
}

func subjectOf(n icp.Number) icp.Number {
	s, _ := n.Subject()
	return s
}

func auditPolice(fd *finder, want icp.Footer, found []seen) {
	if !want.Police.IsValid() {
		return
	}
	for _, s := range found {
		if s.n != want.Police {
			continue
		}
		u, err := url.Parse(strings.TrimSpace(s.href))
		switch {
		case s.href == "" || err != nil:
			fd.addLine("audit.police_not_linked", icp.SeverityWarning, s.line, "TC-psb; QC-psb", "number", s.n.String())
		case strings.HasSuffix(strings.ToLower(u.Host), "beian.gov.cn"):
			fd.addLine("audit.police_legacy_link", icp.SeverityWarning, s.line, "TC-psb; TP-mps", "number", s.n.String(), "href", norm.Clip(s.href, 120))
		case !strings.HasSuffix(strings.ToLower(u.Host), "beian.mps.gov.cn"):
			fd.addLine("audit.police_not_linked", icp.SeverityWarning, s.line, "TC-psb; QC-psb", "number", s.n.String())
		}
		return
	}
	fd.add("audit.police_missing", icp.SeverityError, "TC-psb; QC-psb", "number", want.Police.String())
}

type linkKind uint8

const (
	linkOK linkKind = iota
	linkNone
	linkObsolete
	linkVariant
	linkOther
)

func classifyMIIT(href string) (linkKind, string) {
	h := strings.TrimSpace(href)
	if h == "" {
		return linkNone, ""
	}
	u, err := url.Parse(h)
	if err != nil {
		return linkOther, norm.Clip(h, 120)
	}
	host := strings.ToLower(u.Hostname())
	switch {
	case host == "beian.miit.gov.cn" && u.Scheme == "https":
		return linkOK, ""
	case host == "beian.miit.gov.cn" || host == "www.beian.miit.gov.cn":
		return linkVariant, norm.Clip(h, 120)
	case strings.HasSuffix(host, "miibeian.gov.cn") || strings.HasSuffix(host, "miitbeian.gov.cn"):
		return linkObsolete, norm.Clip(h, 120)
	}
	return linkOther, norm.Clip(h, 120)
}

// scanText finds filing numbers, placeholders and unofficial prefixes in a
// run of page text.
func scanText(text string, limit int) []seen {
	if limit <= 0 {
		return nil
	}
	t := string(norm.Append(make([]byte, 0, len(text)), text, false, false))
	var out []seen
	for i := 0; i < len(t) && len(out) < limit; {
		j := indexAny(t[i:], "ICP", "icp", "公网安备", "B2-", "B1-")
		if j < 0 {
			break
		}
		at := i + j
		// The abbreviation is the rune just before.
		start := at
		for start > 0 && t[start-1] == ' ' {
			start--
		}
		if start < 3 {
			i = at + 3
			continue
		}
		r, size := utf8.DecodeLastRuneInString(t[:start])
		if size != 3 || r < 0x4E00 {
			i = at + 3
			continue
		}
		start -= size
		end := at
		for end < len(t) && end-at < 48 && candidateByte(t, end) {
			if strings.HasPrefix(t[end:], "号") || strings.HasPrefix(t[end:], "备") || strings.HasPrefix(t[end:], "证") {
				end += 3
				continue
			}
			if strings.HasPrefix(t[end:], "公网安备") {
				end += len("公网安备")
				continue
			}
			end++
		}
		cand := strings.TrimRight(t[start:end], " -")
		i = max(end, at+3)
		if !looksNumeric(cand) {
			if strings.Contains(cand, "XXX") || strings.Contains(strings.ToUpper(cand), "XXXX") {
				out = append(out, seen{raw: norm.Clip(cand, 60), junk: "placeholder"})
			}
			continue // prose: 阿里云ICP备案
		}
		n, fixes, err := icp.NormalizeNumber(cand)
		if err != nil {
			switch {
			case isErr(err, icp.ErrSerial) && allZeroDigits(cand):
				out = append(out, seen{raw: norm.Clip(cand, 60), junk: "placeholder"})
			case isErr(err, icp.ErrAbbreviation):
				out = append(out, seen{raw: norm.Clip(cand, 60), junk: "unofficial"})
			}
			continue
		}
		s := seen{n: n, fixes: fixes, raw: cand}
		for _, f := range fixes {
			if f == icp.FixDoubleHao {
				s.double = true
			}
		}
		out = append(out, s)
	}
	return out
}

func isErr(err, target error) bool {
	ne, ok := err.(*icp.NumberError)
	return ok && ne.Err == target
}

func allZeroDigits(s string) bool {
	d := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '1' && s[i] <= '9' {
			return false
		}
		if s[i] == '0' {
			d++
		}
	}
	return d >= 6
}

// looksNumeric: the text after the kind holds digits (placeholders such as
// XXXXX and prose such as 备案 do not).
func looksNumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func candidateByte(t string, i int) bool {
	c := t[i]
	switch {
	case c >= '0' && c <= '9', c == '-', c == ' ', c == 'A', c == 'X', c == 'K', c == 'B':
		return true
	case c == 'I' || c == 'C' || c == 'P' || c == 'i' || c == 'c' || c == 'p':
		return true
	}
	return strings.HasPrefix(t[i:], "号") || strings.HasPrefix(t[i:], "备") || strings.HasPrefix(t[i:], "证") ||
		strings.HasPrefix(t[i:], "公网安备")
}

func indexAny(s string, subs ...string) int {
	best := -1
	for _, sub := range subs {
		if j := strings.Index(s, sub); j >= 0 && (best < 0 || j < best) {
			best = j
		}
	}
	return best
}

// msg builds a catalog entry: the code, its parameter names in the order
// the texts use them (%[1]s …), and the zh-Hans and en texts.
func msg(code string, params []string, zh, en string) catalog.Msg {
	return catalog.Msg{Code: code, Params: params, Zh: zh, En: en}
}

func register(ms ...catalog.Msg) { catalog.Register(ms...) }

// finder collects the findings of one audit in one language.
type finder struct {
	lang language.Tag
	out  []icp.Finding
}

func (fd *finder) add(code string, sev icp.Severity, source string, kv ...string) {
	fd.addLine(code, sev, 0, source, kv...)
}

func (fd *finder) report() icp.Report { return icp.NewReport(fd.out) }
