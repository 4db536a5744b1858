package icp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
)

func ExampleParseNumber() {
	n, err := icp.ParseNumber("浙ICP备2021000001号-2A")
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := n.Subject()
	y, _ := n.Year()
	fmt.Println(n.Kind(), n.Province(), n.Serial(), n.Index(), s, y)
	// Output: app_filing 浙江 2021000001 2 浙ICP备2021000001号 2021
}

func ExampleParseNumber_errors() {
	for _, s := range []string{"萌ICP备20257012号", "京ICP备12345678号-0", "京公网安备33010602000001号"} {
		_, err := icp.ParseNumber(s)
		var ne *icp.NumberError
		errors.As(err, &ne)
		fmt.Println(ne.Part, "|", errors.Is(err, icp.ErrAbbreviation), errors.Is(err, icp.ErrIndex), errors.Is(err, icp.ErrMismatch))
	}
	// Output:
	// abbreviation | true false false
	// service index (0, a leading zero, or too large) | false true false
	// police code (first two digits name another province) | false false true
}

func ExampleNormalizeNumber() {
	n, fixes, err := icp.NormalizeNumber("川 ICP 备12345678-9号")
	fmt.Println(n, fixes, err)
	// Output: 川ICP备12345678号-9 [space index_before_hao] <nil>
}

func ExampleNormalizeNumber_errors() {
	for _, s := range []string{"黔ICP备2022xxxxxx号-1", "京公网安备：110105001242", "萌ICP备20257012号"} {
		_, _, err := icp.NormalizeNumber(s)
		fmt.Println(errors.Is(err, icp.ErrPlaceholder), errors.Is(err, icp.ErrOutdatedPolice), errors.Is(err, icp.ErrAbbreviation))
	}
	// Output:
	// true false false
	// false true false
	// false false true
}

func ExampleFindNumbers() {
	page := "© 2026 某公司 粵ICP備14023066號-1 Powered by icpkit | 浙公网安备 33010602011771号"
	for _, m := range icp.FindNumbers(page) {
		fmt.Printf("[%d,%d) %s %v\n", m.Start, m.End, m.Number, m.Fixes)
	}
	// Output:
	// [18,40) 粤ICP备14023066号-1 [traditional]
	// [61,94) 浙公网安备33010602011771号 [space]
}

func ExampleFindNumbers_errors() {
	text := "ICP备案号：京ICP备xxxxxxxx号-1 公安备案：审核中 深公网安备：4403101910665"
	for _, m := range icp.FindNumbers(text) {
		var ne *icp.NumberError
		errors.As(m.Err, &ne)
		fmt.Printf("%s | %s | placeholder %v, outdated %v\n", text[m.Start:m.End], ne.Part,
			errors.Is(m.Err, icp.ErrPlaceholder), errors.Is(m.Err, icp.ErrOutdatedPolice))
	}
	// Output:
	// 京ICP备xxxxxxxx号-1 | serial (placeholder) | placeholder true, outdated false
	// 公安备案：审核中 | number (a pending word instead of the number) | placeholder true, outdated false
	// 深公网安备：4403101910665 | serial (12 or 13 digits: an outdated format; current numbers have 14) | placeholder false, outdated true
}

func ExamplePoliceNumber() {
	n, err := icp.PoliceNumber("51010802000001")
	fmt.Println(n, n.Province(), err)
	fmt.Println(icp.PoliceURL(n))
	// Output:
	// 川公网安备51010802000001号 四川 <nil>
	// https://beian.mps.gov.cn/#/query/webSearch?code=51010802000001
}

func ExamplePoliceNumber_errors() {
	for _, d := range []string{"110105001242", "99010502026149"} {
		_, err := icp.PoliceNumber(d)
		fmt.Println(err)
	}
	// Output:
	// icp.PoliceNumber("110105001242"): serial (12 or 13 digits: an outdated format; current numbers have 14): outdated public-security number format
	// icp.PoliceNumber("99010502026149"): police code (first two digits are no province's code): parts disagree
}

func ExampleNumber_LikelyDummy() {
	for _, s := range []string{"京ICP备12345678号", "京ICP证123456号", "京公网安备11000000000001号", "京ICP备05004340号-1"} {
		fmt.Println(s, icp.MustParseNumber(s).LikelyDummy())
	}
	// Output:
	// 京ICP备12345678号 true
	// 京ICP证123456号 true
	// 京公网安备11000000000001号 true
	// 京ICP备05004340号-1 false
}

func ExampleNumber_Class() {
	n := icp.MustParseNumber("合字A1.B1.B2-20180017")
	fmt.Println(n.Kind(), n.Abbr(), n.Class(), n.Province().IsValid(), n)
	// Output: telecom_license 合字 A1.B1.B2 false 合字A1.B1.B2-20180017
}

func ExampleFooter_HTML() {
	f := icp.Footer{
		ICP:    icp.MustParseNumber("浙ICP备2021000001号-1"),
		Police: icp.MustParseNumber("浙公网安备33010602011771号"),
	}
	h, err := f.HTML()
	fmt.Println(h, err)
	txt, _ := f.Text()
	fmt.Println(txt)
	// Output:
	// <div class="icp-footer"><a class="icp-footer-icp" href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">浙ICP备2021000001号-1</a> <a class="icp-footer-police" href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602011771" target="_blank" rel="noopener noreferrer">浙公网安备33010602011771号</a></div> <nil>
	// 浙ICP备2021000001号-1  浙公网安备33010602011771号
}

func ExampleFooter_HTML_errors() {
	f := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021000001号")} // a subject number
	_, err := f.HTML()
	fmt.Println(err)
	fmt.Println(errors.Is(err, icp.ErrFooter))
	// Output:
	// icp: footer not rendered: footer.subject_number
	// true
}

func ExampleNewTimeline() {
	tl, err := icp.NewTimeline(icp.TimelineInput{
		Submitted: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC),
		Province:  province.Zhejiang,
		Type:      icp.FirstFiling,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range tl.Steps {
		fmt.Println(s.Name, s.Latest.Format(time.DateOnly))
	}
	// Output:
	// provider_review 2026-11-30
	// sms_verification 2026-12-01
	// authority_review 2027-01-12
	// footer 2027-01-12
	// police_filing 2027-02-11
}
