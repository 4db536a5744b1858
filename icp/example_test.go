package icp_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
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

func ExampleAuditFooter() {
	page := `<html><body><p>…</p>
<footer><a href="http://www.miitbeian.gov.cn/">浙ICP备2021000001号-1</a></footer>
</body></html>`
	want := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021000001号-1")}
	r, err := icp.AuditFooter(strings.NewReader(page), want, icp.AuditLanguage(language.English))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	// Output:
	// error audit.icp_obsolete_link line 2: the filing number 浙ICP备2021000001号-1 links to the obsolete address http://www.miitbeian.gov.cn/ instead of https://beian.miit.gov.cn/
}
