package icptest_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/audit"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

func ExampleResidentID() {
	r := rand.New(rand.NewPCG(1, 2))
	id := icptest.ResidentID(r, province.Zhejiang, time.Date(1990, 5, 12, 0, 0, 0, 0, time.UTC), true)
	_, err := subject.ParseResidentID(id.Number())
	fmt.Println(id.Province(), id.Birthdate().Format(time.DateOnly), id.Female(), err)
	// Output: 浙江 1990-05-12 true <nil>
}

func ExampleCreditCode() {
	r := rand.New(rand.NewPCG(1, 2))
	cc := icptest.CreditCode(r, subject.Institution, province.Sichuan)
	k, _ := cc.Kind()
	p, _ := cc.Province()
	fmt.Println(k.NameZh(), p, cc.OrgType(), cc.OrgCodeValid())
	// Output: 事业单位 四川 事业单位 true
}

func ExampleMobile() {
	r := rand.New(rand.NewPCG(1, 2))
	basic := icptest.Mobile(r, subject.Basic)
	virtual := icptest.Mobile(r, subject.Virtual)
	fmt.Println(basic.Class(), basic.CanReceiveVerificationSMS())
	fmt.Println(virtual.Class(), virtual.CanReceiveVerificationSMS())
	// Output:
	// basic true
	// virtual false
}

func ExampleApplication() {
	r := rand.New(rand.NewPCG(1, 2))
	app := icptest.Application(r, province.Jiangsu, subject.Enterprise, 2)
	report := icp.Check(app, icp.At(icptest.DefaultDate),
		icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app))))
	fmt.Println(app.Province, app.Subject.Kind, len(app.Sites), "sites; errors:", len(report.Errors()))
	// Jiangsu wants a landline, a truthfulness notice, commitment and video.
	fmt.Println(app.Subject.Landline != "")
	for _, m := range app.Materials {
		if m.For == "" {
			fmt.Println(m.Kind, m.Path)
		}
	}
	// Output:
	// 江苏 enterprise 2 sites; errors: 0
	// true
	// truthfulness_notice materials/application/truthfulness_notice.jpg
	// truthfulness_commitment materials/application/truthfulness_commitment.jpg
	// commitment_video materials/application/commitment_video.mp4
}

func ExampleTrigger() {
	const code = "contact.mobile_sms"
	app, ok := icptest.Trigger(code)
	report := icp.Check(app, icptest.TriggerOptions(code)...)
	for _, f := range report.Findings {
		if f.Code == code {
			fmt.Println(ok, f.Severity, f.Code, f.Field)
		}
	}
	// Output: true warning contact.mobile_sms subject.owner.mobile
}

func ExampleJPEG() {
	b := icptest.JPEG(icptest.Image{Width: 1020, Height: 650, DPI: 300, Orientation: 6, Appended: []byte("PK\x03\x04")})
	info, _ := material.Inspect(bytes.NewReader(b))
	dpi, _ := info.DPI()
	fmt.Println(info.Format, info.Width, info.Height, dpi, info.DPISource, info.Orientation, info.Colour, info.Trailing, info.Appended)
	// Output: jpeg 1020 650 300 jfif 6 colour 4 zip
}

func ExamplePNG() {
	b := icptest.PNG(icptest.Image{Width: 800, Height: 600, DPI: 150, Colour: material.Greyscale, MinBytes: 200_000})
	info, _ := material.Inspect(bytes.NewReader(b))
	dpi, _ := info.DPI()
	fmt.Println(info.Format, info.Width, info.Height, dpi, info.DPISource, info.Colour, info.Size >= 200_000)
	// Output: png 800 600 150 phys greyscale true
}

func ExampleMP4() {
	info, _ := material.Inspect(bytes.NewReader(icptest.MP4(1024)))
	fmt.Println(info.Format)
	// Output: mp4
}

func ExampleValidMaterial() {
	info, _ := material.Inspect(bytes.NewReader(icptest.ValidMaterial(material.IDCardFront)))
	fmt.Println(info.Width, info.Height, info.Colour)
	fmt.Println(icp.Tencent.Materials.Spec(material.IDCardFront).Check(info) == nil)
	// Output:
	// 1020 646 colour
	// true
}

func ExampleMaterials() {
	app := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Guangdong, subject.Individual, 1)
	fsys := icptest.Materials(app)
	report := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithMaterialOpener(icptest.Opener(fsys)))
	fmt.Println(len(fsys) > 0, report.Has("material.not_inspected"), report.OK())
	// Output: true false true
}

func ExampleFooterPage() {
	number := icp.MustParseNumber("浙ICP备2021000001号-1")
	page := icptest.FooterPage(icptest.Page{ICP: number, Link: icptest.ObsoleteMIITURL, Hidden: "display:none"})
	report, _ := audit.AuditFooter(strings.NewReader(page), icp.Footer{ICP: number})
	for _, f := range report.Findings {
		fmt.Println(f.Code)
	}
	// Output:
	// audit.icp_hidden
	// audit.icp_obsolete_link
}

// A panel's own unit test, written the way it would sit in a _test.go file:
// build a valid application, change one field, and assert the finding code
// and its field path. (Here the assertions print; in a test they would be
// require/assert calls, as in TestPanelStyle.)
func Example_panelUnitTest() {
	// func TestEmergencyPhoneIsNotTheOwnersMobile(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 19))
	app := icptest.Application(r, province.Guangdong, subject.Enterprise, 1)
	app.Sites[0].Manager.EmergencyPhone = app.Subject.Owner.Mobile

	report := icp.Check(app, icp.At(icptest.DefaultDate))

	// require.Len(t, report.Errors(), 1)
	// assert.Equal(t, "contact.emergency_same", report.Errors()[0].Code)
	// assert.Equal(t, "sites[0].manager.emergency_phone", report.Errors()[0].Field)
	for _, f := range report.Errors() {
		fmt.Println(f.Code, f.Field)
	}
	// }
	// Output: contact.emergency_same sites[0].manager.emergency_phone
}

// Misuse panics, as in net/http/httptest; an unknown code has no trigger.
func Example_errors() {
	_, ok := icptest.Trigger("no.such_code")
	fmt.Println(ok)
	defer func() { fmt.Println(recover()) }()
	icptest.CreditCode(rand.New(rand.NewPCG(1, 2)), subject.Individual, province.Beijing)
	// Output:
	// false
	// icptest: CreditCode: no GB 32100 organisation type for kind individual
}

func ExampleOrgCode() {
	code := icptest.OrgCode(rand.New(rand.NewPCG(1, 2)))
	_, err := subject.ParseDocument(subject.OrganizationCodeCertificate, code)
	fmt.Println(len(code), err)
	// Output: 9 <nil>
}

func ExampleLandline() {
	l, err := subject.ParseLandline(icptest.Landline(rand.New(rand.NewPCG(1, 2)), province.Zhejiang))
	fmt.Println(l.AreaCode(), err)
	// Output: 0571 <nil>
}

func ExampleOpener() {
	app := icptest.Application(rand.New(rand.NewPCG(1, 2)), province.Hunan, subject.Enterprise, 1)
	open := icptest.Opener(icptest.Materials(app))
	rc, err := open(app.Materials[0].Path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rc.Close()
	info, _ := material.Inspect(rc)
	fmt.Println(app.Materials[0].Kind, info.Format, info.Colour)
	// Output: business_license jpeg colour
}

func ExampleMaterialPath() {
	fmt.Println(icptest.MaterialPath(material.IDCardFront, "sites[0].manager"))
	fmt.Println(icptest.MaterialPath(material.CommitmentVideo, ""))
	// Output:
	// materials/sites[0].manager/id_card_front.jpg
	// materials/application/commitment_video.mp4
}

// Walk every code a panel's UI must show, with the application that
// provokes it.
func ExampleTriggerCodes() {
	shown := 0
	for _, code := range icptest.TriggerCodes() {
		app, _ := icptest.Trigger(code)
		if icp.Check(app, icptest.TriggerOptions(code)...).Has(code) {
			shown++
		}
	}
	fmt.Println(shown == len(icptest.TriggerCodes()))
	// Output: true
}

func ExampleLegacyPoliceURL() {
	fmt.Println(icptest.LegacyPoliceURL(icp.MustParseNumber("浙公网安备33010602011771号")))
	// Output: http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011771
}
