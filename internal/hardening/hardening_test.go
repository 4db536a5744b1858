package hardening

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/audit"
	"github.com/icpkit/icpkit/icp/domain"
	"github.com/icpkit/icpkit/icp/refile"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// junk is the shared corpus: short oddities, long strings, broken JSON.
func junk() map[string]string {
	big := strings.Repeat("京ICP备12345678号", 1<<16) // about 1 MB
	sites := `{"filing_type":"first_filing","province":"浙江","sites":[` + strings.Repeat(`{"name":"a"},`, 100000) + `{"name":"a"}]}`
	return map[string]string{
		"empty":                 "",
		"NUL":                   "\x00\x00\x00",
		"invalid UTF-8":         "\xff\xfe\xfd\xc3\x28",
		"euro":                  "€",
		"emoji":                 "😀🚀",
		"superscript":           "3²",
		"roman numeral":         "ⅷ",
		"circled number":        "⑱",
		"full-width look-alike": "１１０１０５１９４９１２３１００２Ｘ",
		"full-width ICP":        "京ＩＣＰ备１２３４５６７８号",
		"1 MB of digits":        strings.Repeat("1", 1<<20),
		"1 MB of numbers":       big,
		"1 MB of HTML":          strings.Repeat("<div><a href=x>", 1<<16),
		"deep JSON":             strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"deep object":           strings.Repeat(`{"a":`, 50000) + "1" + strings.Repeat("}", 50000),
		"JSON with 100k sites":  sites,
		"JSON null":             "null",
		"JSON wrong type":       `{"sites":"many"}`,
	}
}

// bounded runs f and fails if it allocates more than limit bytes.
func bounded(t *testing.T, name string, limit uint64, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Errorf("%s allocated %d bytes, more than %d", name, got, limit)
	}
}

func TestJunkSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("the 1 MB and 100,000-site inputs take a few seconds")
	}
	typedString := func(err error) bool {
		var sp *subject.ParseError
		var pp *province.ParseError
		var ne *icp.NumberError
		var de *domain.DomainError
		return errors.As(err, &sp) || errors.As(err, &pp) || errors.As(err, &ne) || errors.As(err, &de)
	}
	strParsers := map[string]func(string) error{
		"province.Parse":           func(s string) error { _, err := province.Parse(s); return err },
		"subject.ParseResidentID":  func(s string) error { _, err := subject.ParseResidentID(s); return err },
		"subject.ParseIDNumber":    func(s string) error { _, err := subject.ParseIDNumber(s); return err },
		"subject.ParseCreditCode":  func(s string) error { _, err := subject.ParseCreditCode(s); return err },
		"subject.ParseMobile":      func(s string) error { _, err := subject.ParseMobile(s); return err },
		"subject.ParseLandline":    func(s string) error { _, err := subject.ParseLandline(s); return err },
		"subject.ParseDocument":    func(s string) error { _, err := subject.ParseDocument(subject.Passport, s); return err },
		"subject.CheckEmail":       subject.CheckEmail,
		"subject.CheckPersonName":  subject.CheckPersonName,
		"icp.ParseNumber":          func(s string) error { _, err := icp.ParseNumber(s); return err },
		"icp.NormalizeNumber":      func(s string) error { _, _, err := icp.NormalizeNumber(s); return err },
		"domain.RegistrableDomain": func(s string) error { _, err := domain.RegistrableDomain(s); return err },
	}
	for jn, in := range junk() {
		for pn, parse := range strParsers {
			bounded(t, pn+"("+jn+")", 16<<20, func() {
				err := parse(in)
				if err != nil && !typedString(err) {
					t.Errorf("%s(%s): untyped error %T: %v", pn, jn, err, err)
				}
				if err != nil && len(err.Error()) > 600 {
					t.Errorf("%s(%s): error of %d bytes", pn, jn, len(err.Error()))
				}
			})
		}
		bounded(t, "CheckAddress("+jn+")", 16<<20, func() {
			_ = subject.CheckAddress(in, subject.AddressOptions{Province: province.Beijing, NoShixiaqu: true})
		})
		bounded(t, "CheckSiteName("+jn+")", 16<<20, func() {
			_ = icp.CheckSiteName(in, icp.NameOptions{Rules: province.Tianjin.Rules()})
		})
		bounded(t, "material.Inspect("+jn+")", 1<<20, func() {
			_, err := material.Inspect(strings.NewReader(in))
			var ie *material.InspectError
			if err != nil && !errors.As(err, &ie) {
				t.Errorf("Inspect(%s): untyped error %v", jn, err)
			}
		})
		bounded(t, "AuditFooter("+jn+")", 64<<20, func() {
			want := icp.Footer{ICP: icp.MustParseNumber("京ICP备12345678号-1")}
			r, err := audit.AuditFooter(strings.NewReader(in), want)
			if err != nil {
				t.Errorf("AuditFooter(%s): %v", jn, err)
			}
			unsourced(t, "AuditFooter("+jn+")", r.Findings)
		})
		bounded(t, "Check("+jn+")", 256<<20, func() {
			app, err := icp.DecodeApplication(strings.NewReader(in))
			if err != nil {
				var de *icp.DecodeError
				if !errors.As(err, &de) {
					t.Errorf("DecodeApplication(%s): untyped error %v", jn, err)
				}
				return
			}
			r := icp.Check(app, icp.At(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)))
			if len(r.Findings) == 0 {
				t.Errorf("Check(%s): no finding for junk", jn)
			}
			unsourced(t, "Check("+jn+")", r.Findings)
		})
		bounded(t, "Plan("+jn+")", 256<<20, func() {
			d, err := refile.DecodeDeployment(strings.NewReader(in))
			if err != nil {
				return
			}
			unsourced(t, "Plan("+jn+")", refile.Plan(d, d).Findings.Findings)
		})
	}
}

// unsourced reports findings without source keys: every finding cites the
// rule behind it, or "icpkit input" for one about the input itself.
func unsourced(t *testing.T, what string, fs []icp.Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Source == "" {
			t.Errorf("%s: finding %s has no source", what, f.Code)
		}
	}
}

func TestTooManySites(t *testing.T) {
	app := icp.Application{FilingType: icp.FirstFiling, Province: province.Zhejiang, Sites: make([]icp.Site, icp.MaxSites+1)}
	r := icp.Check(app, icp.At(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)))
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "structure.too_many_sites", r.Findings[0].Code)
	d := refile.Deployment{Subject: refile.DeploymentSubject{Kind: subject.Enterprise, Province: province.Zhejiang}, Sites: make([]refile.DeployedSite, icp.MaxSites+1)}
	p := refile.Plan(d, d)
	assert.False(t, p.Findings.OK())
}

// Synthetic personal numbers; they pass their checksums and belong to
// nobody.
var (
	idNum  = "330106198503071238"
	mobile = "13912345678"
	day    = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
)

func sampleApp() icp.Application {
	p := subject.Person{Name: "张三", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(idNum)},
		Mobile: subject.Secret(mobile), EmergencyPhone: subject.Secret(mobile), Email: "zs@example.com", LegalRepresentative: true}
	return icp.Application{FilingType: icp.FirstFiling, Province: province.Hunan,
		Subject: icp.ApplicationSubject{Subject: subject.Subject{Kind: subject.Individual, Name: "张三",
			Certificate: p.Document, Address: "湖南省长沙市开福区芙蓉中路1号", Owner: p}},
		Sites: []icp.Site{{Name: "张三的读书笔记", ServiceType: icp.ServiceWebsite, Domains: []string{"zhangsan.cn"},
			Manager: p, DomainHolder: "李四", Access: icp.Access{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr("10.0.0.1")}}}},
	}
}

func TestPrivacy(t *testing.T) {
	app := sampleApp()
	id := subject.MustParseResidentID(idNum)
	mob := subject.MustParseMobile(mobile)
	doc, _ := subject.ParseDocument(subject.ResidentIDCard, idNum)
	report := icp.Check(app, icp.At(day))
	require.NotEmpty(t, report.Findings)
	_, perr := subject.ParseResidentID(idNum[:17] + "1")
	_, merr := subject.ParseMobile(mobile + "1")
	_, derr := icp.DecodeApplication(strings.NewReader(`{"subject":{"owner":{"mobile":` + mobile + `}}}`))
	dep := refile.Deployment{Subject: refile.DeploymentSubject{Kind: subject.Individual, Province: province.Hunan, Owner: app.Subject.Owner,
		Certificate: app.Subject.Certificate}, Sites: []refile.DeployedSite{{Name: "x", Manager: app.Subject.Owner}}}
	after := dep
	after.Subject.Owner.Mobile = "13812345678"
	plan := refile.Plan(dep, after)
	values := []any{id, mob, doc, app, app.Subject, app.Subject.Owner, app.Sites[0], app.Subject.Owner.Mobile,
		app.Subject.Owner.Document, report, report.Findings[0], perr, merr, derr, dep, plan, &app, &id, &mob}
	for i, v := range values {
		var outs []string
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q"} {
			outs = append(outs, fmt.Sprintf(verb, v))
		}
		if s, ok := v.(fmt.Stringer); ok {
			outs = append(outs, s.String())
		}
		if e, ok := v.(error); ok && e != nil {
			outs = append(outs, e.Error())
		}
		// JSON is for storage and holds the full values (see below); what
		// people read as JSON is a report, a finding, a plan or an error.
		switch v.(type) {
		case icp.Report, icp.Finding, refile.Result, error:
			if b, err := json.Marshal(v); err == nil {
				outs = append(outs, string(b))
			}
		}
		for _, h := range []func(*bytes.Buffer) slog.Handler{
			func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
			func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		} {
			var buf bytes.Buffer
			slog.New(h(&buf)).Info("m", "v", v)
			outs = append(outs, buf.String())
		}
		for _, o := range outs {
			for _, secret := range []string{idNum, idNum[:17], mobile, "13812345678"} {
				if strings.Contains(o, secret) {
					t.Errorf("value %d (%T) leaks %s: %.200s", i, v, secret, o)
				}
			}
		}
	}
	// Storage keeps the full values: JSON round-trips without loss.
	b, err := json.Marshal(app)
	require.NoError(t, err)
	assert.Contains(t, string(b), idNum)
	assert.Contains(t, string(b), mobile)
	// The explicit methods do give the full values.
	assert.Equal(t, idNum, id.Number())
	assert.Equal(t, mobile, mob.Number())
	assert.Equal(t, idNum, app.Subject.Owner.Document.Number.Reveal())
}

func TestConcurrency(t *testing.T) {
	app := sampleApp()
	before := refile.Deployment{Subject: refile.DeploymentSubject{Kind: subject.Individual, Province: province.Hunan, Owner: app.Subject.Owner,
		Certificate: app.Subject.Certificate}, Sites: []refile.DeployedSite{{Name: "x", Domains: []string{"zhangsan.cn"}, Manager: app.Subject.Owner,
		Access: []icp.Access{{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr("121.40.10.10")}}}}}}
	after := before
	after.Sites = []refile.DeployedSite{before.Sites[0]}
	after.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	var jpeg bytes.Buffer
	jpeg.WriteString("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\x01\x01\x2c\x01\x2c\x00\x00")
	jpeg.WriteString("\xff\xc0\x00\x11\x08\x00\x10\x00\x10\x03\x01\x11\x00\x02\x11\x00\x03\x11\x00")
	jpeg.WriteString("\xff\xda\x00\x0c\x03\x01\x00\x02\x00\x03\x00\x00\x3f\x00\x12\x34\xff\xd9")
	wantCheck := len(icp.Check(app, icp.At(day)).Findings)
	wantPlan := len(refile.Plan(before, after).Actions)

	var table sync.Map // the table in use, swapped while checks run
	table.Store("t", province.Default())
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i % 5 {
			case 0:
				if n := len(icp.Check(app, icp.At(day)).Findings); n != wantCheck {
					t.Errorf("Check: %d findings, want %d", n, wantCheck)
				}
			case 1:
				if n := len(refile.Plan(before, after).Actions); n != wantPlan {
					t.Errorf("Plan: %d actions, want %d", n, wantPlan)
				}
			case 2:
				info, err := material.Inspect(bytes.NewReader(jpeg.Bytes()))
				if err != nil || info.Width != 16 {
					t.Errorf("Inspect: %v %d", err, info.Width)
				}
			case 3:
				v, _ := table.Load("t")
				tb := v.(*province.Table)
				for _, p := range province.All() {
					_ = tb.RulesAt(p, day)
				}
				r := icp.Check(app, icp.At(day), icp.WithRules(tb))
				if len(r.Findings) == 0 {
					t.Error("Check with a swapped table found nothing")
				}
			case 4:
				// Load an override while the others check.
				tb, err := province.Default().Patch(strings.NewReader("湖南\treview_workdays\t25\tUNCERTAIN\ttest\t-\t-\n"))
				if err != nil {
					t.Error(err)
					return
				}
				table.Store("t", tb)
			}
		}()
	}
	wg.Wait()
}
