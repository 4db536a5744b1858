package icp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
)

// The numbers are package icp/number's; its examples show them in full.
// These show the icp spellings of the entry points.

func ExampleParseNumber() {
	n, err := icp.ParseNumber("浙ICP备2021000001号-2A")
	fmt.Println(n.Kind(), n.Province(), n.Index(), err)
	// Output: app_filing 浙江 2 <nil>
}

func ExampleParseNumber_errors() {
	_, err := icp.ParseNumber("萌ICP备20257012号")
	fmt.Println(errors.Is(err, icp.ErrAbbreviation))
	// Output: true
}

func ExampleNormalizeNumber() {
	n, fixes, err := icp.NormalizeNumber("粵ICP備14023066號")
	fmt.Println(n, fixes, err)
	// Output: 粤ICP备14023066号 [traditional] <nil>
}

func ExampleNormalizeNumber_errors() {
	_, _, err := icp.NormalizeNumber("黔ICP备2022xxxxxx号-1")
	fmt.Println(errors.Is(err, icp.ErrPlaceholder))
	// Output: true
}

func ExampleFindNumbers() {
	for _, m := range icp.FindNumbers("备案号：沪ICP备07034486号 Copyright") {
		fmt.Println(m.Start, m.End, m.Number)
	}
	// Output: 12 32 沪ICP备07034486号
}

func ExamplePoliceNumber() {
	n, _ := icp.PoliceNumber("51010802000001")
	fmt.Println(icp.PoliceURL(n))
	// Output: https://beian.mps.gov.cn/#/query/webSearch?code=51010802000001
}

func ExamplePoliceNumber_errors() {
	_, err := icp.PoliceNumber("110105001242")
	fmt.Println(errors.Is(err, icp.ErrOutdatedPolice))
	// Output: true
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
