package icptest

import (
	"html"
	"strings"

	"github.com/icpkit/icpkit/icp"
)

// Link targets for [Page].
const (
	// NoLink shows a number as plain text, not linked.
	NoLink = "-"
	// ObsoleteMIITURL is a retired host of the MIIT filing system that old
	// footers still link to.
	ObsoleteMIITURL = "http://www.miitbeian.gov.cn/"
)

// LegacyPoliceURL returns the legacy public-security portal's address for
// a 公网安备 number, which audit.AuditFooter reports as a legacy link.
func LegacyPoliceURL(n icp.Number) string {
	return "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + n.Serial()
}

// Page describes an HTML home page whose footer shows filing numbers, for
// testing footer audits (package icp/audit). The zero Page is a page with
// body text and an empty footer.
type Page struct {
	// ICP is the filing number the footer shows; zero shows none.
	ICP icp.Number
	// Link is the address the ICP number links to: "" links it to
	// [icp.MIITURL], [NoLink] shows it unlinked; anything else (such as
	// [ObsoleteMIITURL]) is used as is.
	Link string
	// Police is the 公网安备 number the footer shows; zero shows none.
	Police icp.Number
	// PoliceLink is the address the police number links to: "" links it
	// to [icp.PoliceURL], [NoLink] shows it unlinked.
	PoliceLink string
	// LegacyPoliceLink links the police number to [LegacyPoliceURL]
	// instead.
	LegacyPoliceLink bool
	// Hidden hides the footer: "display:none" or "visibility:hidden" (a
	// style attribute) or "hidden" (the attribute); "" shows it.
	Hidden string
	// AtTop puts the footer in the page header, above the body.
	AtTop bool
	// Placeholder is text shown in the footer where a number should be,
	// such as 京ICP备XXXXXXXX号.
	Placeholder string
	// Extra are more texts shown in the footer, each in a span: other
	// numbers, licences, unofficial prefixes.
	Extra []string
	// Paragraphs of body text before the footer; 0 means 40, enough for
	// the footer to be at the bottom and the top to be far from it.
	Paragraphs int
}

// FooterPage returns the HTML of p: a complete page whose body text comes
// before (or, with AtTop, after) a footer showing the numbers as p says.
// Every number sits on a line of its own.
func FooterPage(p Page) string {
	var f strings.Builder
	attr := ""
	switch p.Hidden {
	case "":
	case "hidden":
		attr = " hidden"
	default:
		attr = ` style="` + html.EscapeString(p.Hidden) + `"`
	}
	f.WriteString("<footer class=\"icp-footer\"" + attr + ">\n")
	link := func(text, href, def string) {
		switch href {
		case NoLink:
			f.WriteString("<span>" + html.EscapeString(text) + "</span>\n")
			return
		case "":
			href = def
		}
		f.WriteString(`<a href="` + html.EscapeString(href) + `" target="_blank" rel="noopener noreferrer">` + html.EscapeString(text) + "</a>\n")
	}
	if p.ICP.IsValid() {
		link(p.ICP.String(), p.Link, icp.MIITURL)
	}
	if p.Police.IsValid() {
		href := p.PoliceLink
		if p.LegacyPoliceLink {
			href = LegacyPoliceURL(p.Police)
		}
		link(p.Police.String(), href, icp.PoliceURL(p.Police))
	}
	if p.Placeholder != "" {
		f.WriteString("<span>" + html.EscapeString(p.Placeholder) + "</span>\n")
	}
	for _, e := range p.Extra {
		f.WriteString("<span>" + html.EscapeString(e) + "</span>\n")
	}
	f.WriteString("</footer>\n")
	n := p.Paragraphs
	if n <= 0 {
		n = 40
	}
	var body strings.Builder
	body.WriteString("<main>\n<h1>公司介绍</h1>\n")
	for range n {
		body.WriteString("<p>我们提供云计算、软件开发与网站建设服务，欢迎来电咨询合作。</p>\n")
	}
	body.WriteString("</main>\n")
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>示例网站</title></head>\n<body>\n")
	if p.AtTop {
		b.WriteString(f.String())
		b.WriteString(body.String())
	} else {
		b.WriteString(body.String())
		b.WriteString(f.String())
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}
