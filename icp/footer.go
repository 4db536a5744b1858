package icp

import (
	"bytes"
	"errors"
	"html/template"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/internal/opt"
	"github.com/icpkit/icpkit/province"
)

// MIITURL is the filing system every ICP number links to (HW-err §3.1,
// TC-site). The hosts miibeian.gov.cn and miitbeian.gov.cn are obsolete.
const MIITURL = "https://beian.miit.gov.cn/"

// PoliceURL returns the public-security filing query page for a 公网安备
// number: https://beian.mps.gov.cn/#/query/webSearch?code=<14 digits>. This
// address is seen on current footers (UNCERTAIN: TP-code-66193611380,
// TP-mps); the older portal www.beian.gov.cn is CONFIRMED but legacy.
func PoliceURL(n Number) string {
	if n.Kind() != PoliceFiling {
		return ""
	}
	return "https://beian.mps.gov.cn/#/query/webSearch?code=" + n.Serial()
}

// Display chooses which number a footer shows.
type Display uint8

const (
	// DisplayAuto shows the site number, or the subject number where the
	// province's rules say so ([province.Rules.FooterSubjectNumber]:
	// Guangdong, UNCERTAIN).
	DisplayAuto Display = iota
	// DisplaySite always shows the number as given.
	DisplaySite
	// DisplaySubject shows the subject number of a site number.
	DisplaySubject
)

// Footer is what a site shows at the bottom of its home page: its ICP
// number linked to the MIIT system, its public-security number linked to
// the MPS system, and optionally a telecom licence and the company name.
//
// Rendered HTML has these CSS class hooks: icp-footer (the wrapper),
// icp-footer-company, icp-footer-icp, icp-footer-police,
// icp-footer-police-icon, icp-footer-license.
type Footer struct {
	ICP     Number // a site, App or subject filing number
	Police  Number // a 公网安备 number; zero if none yet
	License Number // an ICP证 or B2 licence to show; zero if none
	Company string // shown before the numbers when set (TC-num)
	// PoliceIcon is the URL of the 公网安备 emblem image; the icon is shown
	// only when it is set.
	PoliceIcon string
	Display    Display
	// AllowSubjectNumber accepts a bare subject number as ICP without the
	// province rule that asks for it.
	AllowSubjectNumber bool
	// Rules is the rule table for DisplayAuto; nil means province.Default().
	Rules *province.Table
}

// ErrFooter is wrapped by the error of HTML and Text when the footer's
// numbers are invalid or inconsistent.
var ErrFooter = errors.New("icp: footer not rendered")

type footerError struct{ r Report }

func (e *footerError) Error() string {
	msgs := make([]string, 0, len(e.r.Errors()))
	for _, f := range e.r.Errors() {
		msgs = append(msgs, f.Code)
	}
	return ErrFooter.Error() + ": " + strings.Join(msgs, ", ")
}

func (e *footerError) Unwrap() error { return ErrFooter }

// Report returns the findings that stopped rendering.
func (e *footerError) Report() Report { return e.r }

// Check returns the findings that decide whether the footer can be
// rendered: errors stop HTML and Text, warnings do not. [WithLanguage]
// sets the language of the messages; other options are ignored.
func (f Footer) Check(opts ...Option) Report { return f.check(opt.Apply(opts).Lang) }

func (f Footer) check(lang language.Tag) Report {
	fd := finder{lang: lang}
	switch k := f.ICP.Kind(); {
	case !f.ICP.IsValid():
		fd.add("footer.icp_required", SeverityError, "icp", "HW-after")
	case k == ICPLicense || k == TelecomLicense || k == PoliceFiling:
		fd.add("footer.icp_kind", SeverityError, "icp", "HW-after", "number", f.ICP.String())
	case k == SubjectFiling && !f.AllowSubjectNumber && !f.subjectByRule():
		fd.add("footer.subject_number", SeverityError, "icp", "HW-after", "number", f.ICP.String())
	}
	if f.ICP.IsValid() && !f.ICP.CanonicalAbbr() && f.ICP.Kind() != PoliceFiling {
		fd.add("footer.alias", SeverityWarning, "icp", "TC-num", "number", f.ICP.String(), "usual", f.ICP.Province().ICPAbbr())
	}
	if f.Police.IsValid() {
		if f.Police.Kind() != PoliceFiling {
			fd.add("footer.police_kind", SeverityError, "police", "TC-psb", "number", f.Police.String())
		} else if f.ICP.IsValid() && f.ICP.Province() != f.Police.Province() {
			fd.add("footer.province_mismatch", SeverityWarning, "police", "TC-psb",
				"icp", f.ICP.String(), "police", f.Police.String())
		}
	}
	if f.License.IsValid() && f.License.Kind() != ICPLicense && f.License.Kind() != TelecomLicense {
		fd.add("footer.license_kind", SeverityError, "license", "HW-after", "number", f.License.String())
	}
	return fd.report()
}

func (f Footer) table() *province.Table {
	if f.Rules != nil {
		return f.Rules
	}
	return province.Default()
}

func (f Footer) subjectByRule() bool {
	return f.Display != DisplaySite && f.table().Rules(f.ICP.Province()).FooterSubjectNumber.Value()
}

// Shown returns the ICP number the footer displays (see [Display]).
func (f Footer) Shown() Number {
	n := f.ICP
	subject := f.Display == DisplaySubject || f.Display == DisplayAuto && f.subjectByRule()
	if subject && n.Kind() >= SiteFiling && n.Kind() <= QuickAppFiling {
		n, _ = n.Subject()
	}
	return n
}

var footerTmpl = template.Must(template.New("footer").Parse(
	`<div class="icp-footer">` +
		`{{if .Company}}<span class="icp-footer-company">{{.Company}}</span> {{end}}` +
		`<a class="icp-footer-icp" href="{{.MIIT}}" target="_blank" rel="noopener noreferrer">{{.ICP}}</a>` +
		`{{if .Police}} <a class="icp-footer-police" href="{{.PoliceURL}}" target="_blank" rel="noopener noreferrer">` +
		`{{if .Icon}}<img class="icp-footer-police-icon" src="{{.Icon}}" alt="" width="16" height="16">{{end}}{{.Police}}</a>{{end}}` +
		`{{if .License}} <span class="icp-footer-license">{{.LicenseLabel}}{{.License}}</span>{{end}}` +
		`</div>`))

func (f Footer) ready() error {
	if r := f.Check(); !r.OK() {
		return &footerError{r}
	}
	return nil
}

// HTML renders the footer as an escaped, deterministic HTML fragment. It
// refuses (an error wrapping [ErrFooter]) when [Footer.Check] finds errors.
func (f Footer) HTML() (template.HTML, error) {
	if err := f.ready(); err != nil {
		return "", err
	}
	data := struct {
		Company, ICP, Police, PoliceURL, Icon, License, LicenseLabel string
		MIIT                                                         template.URL
	}{Company: f.Company, ICP: f.Shown().String(), MIIT: MIITURL, Icon: f.PoliceIcon}
	if f.Police.IsValid() {
		data.Police, data.PoliceURL = f.Police.String(), PoliceURL(f.Police)
	}
	if f.License.IsValid() {
		data.License, data.LicenseLabel = f.License.String(), licenseLabel(f.License)
	}
	var b bytes.Buffer
	if err := footerTmpl.Execute(&b, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

func licenseLabel(n Number) string {
	if n.Kind() == TelecomLicense {
		return "增值电信业务经营许可证："
	}
	return "经营许可证："
}

// Text renders the footer as one line of plain text, the parts separated by
// two spaces. It refuses like [Footer.HTML].
func (f Footer) Text() (string, error) {
	if err := f.ready(); err != nil {
		return "", err
	}
	parts := []string{}
	if f.Company != "" {
		parts = append(parts, f.Company)
	}
	parts = append(parts, f.Shown().String())
	if f.Police.IsValid() {
		parts = append(parts, f.Police.String())
	}
	if f.License.IsValid() {
		parts = append(parts, licenseLabel(f.License)+f.License.String())
	}
	return strings.Join(parts, "  "), nil
}

// AppText renders the filing text for an App's "about" or settings page
// (HW-app doc_0118: show the number prominently with the filing system's
// address).
func (f Footer) AppText() (string, error) {
	if err := f.ready(); err != nil {
		return "", err
	}
	return "ICP备案号：" + f.Shown().String() + "\n查询网址：" + MIITURL, nil
}
