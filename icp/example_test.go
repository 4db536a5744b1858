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
