package audit_test

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/audit"
)

func ExampleAuditFooter() {
	page := `<html><body><p>…</p>
<footer><a href="http://www.miitbeian.gov.cn/">浙ICP备2021047163号-1</a></footer>
</body></html>`
	want := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号-1")}
	r, err := audit.AuditFooter(strings.NewReader(page), want, icp.WithLanguage(language.English))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	// Output:
	// warning audit.icp_obsolete_link line 2: the filing number 浙ICP备2021047163号-1 links to the obsolete address http://www.miitbeian.gov.cn/; today's is https://beian.miit.gov.cn/
}

// A reader that fails is the only error; what is wrong with the page is in
// the report.
func ExampleAuditFooter_errors() {
	want := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号-1")}
	_, err := audit.AuditFooter(failing{}, want)
	fmt.Println(err)
	// Output:
	// connection reset
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

// Guangdong's footers may show the site number or the subject number; a
// number split by inline markup and written with entities reads whole,
// and a hidden copy elsewhere does not count against the shown one.
func ExampleAuditFooter_guangdong() {
	page := `<html><head><title>粤ICP备2021047163号-1</title></head><body>
<footer><a href="https://beian.miit.gov.cn/#/Integrated/index">&#31908;ICP备<b>2021047163</b>号-1</a>
<span>粤公网安备 44030502008123号</span></footer></body></html>`
	want := icp.Footer{
		ICP:    icp.MustParseNumber("粤ICP备2021047163号-1"),
		Police: icp.MustParseNumber("粤公网安备44030502008123号"),
	}
	r, _ := audit.AuditFooter(strings.NewReader(page), want, icp.WithLanguage(language.English))
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	// Output:
	// warning audit.number_format line 3: 粤公网安备 44030502008123号 should be written 粤公网安备44030502008123号 (spaces removed)
	// warning audit.police_not_linked line 3: the public-security number 粤公网安备44030502008123号 is not linked to its query page
}

// A page longer than the limit is read up to it; a number not seen there
// is a warning, not missing.
func ExampleLimit() {
	page := "<html><body>" + strings.Repeat("<p>正文</p>", 1000) +
		`<footer><a href="https://beian.miit.gov.cn/">浙ICP备2021047163号-1</a></footer></body></html>`
	want := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号-1")}
	r, _ := audit.AuditFooter(strings.NewReader(page), want, audit.Limit(4096), icp.WithLanguage(language.English))
	for _, f := range r.Findings {
		fmt.Println(f)
	}
	// Output:
	// warning audit.icp_not_seen: the filing number 浙ICP备2021047163号-1 was not seen in the first 4096 bytes of the page; the rest was not read
	// info audit.truncated: the page is longer than 4096 bytes; only its beginning was audited
}

// Tail widens the part of the page that counts as its bottom.
func ExampleTail() {
	page := "<html><body><header>" + `<a href="https://beian.miit.gov.cn/">浙ICP备2021047163号-1</a>` + "</header>" +
		strings.Repeat("<p>正文内容</p>", 600) + "</body></html>"
	want := icp.Footer{ICP: icp.MustParseNumber("浙ICP备2021047163号-1")}
	r, _ := audit.AuditFooter(strings.NewReader(page), want)
	fmt.Println(r.Has("audit.icp_not_at_bottom"))
	r, _ = audit.AuditFooter(strings.NewReader(page), want, audit.Tail(100))
	fmt.Println(r.Has("audit.icp_not_at_bottom"))
	// Output:
	// true
	// false
}
