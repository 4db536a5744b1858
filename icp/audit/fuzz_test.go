package audit

import (
	"strings"
	"testing"

	"github.com/icpkit/icpkit/icp"
)

func FuzzAuditFooter(f *testing.F) {
	f.Add(page(goodFooter))
	f.Add(page(`<div hidden><a href="http://www.miitbeian.gov.cn/">浙 ICP 备2021047163号号-1</a></div>`))
	f.Add("<a href=x>京ICP备XXXXX号</a><p>萌ICP备20257012号 阿里云ICP备案")
	f.Add(strings.Repeat("<div>", 2000) + "浙ICP备2021047163号-1")
	f.Add("<script>浙ICP备2021047163号-1")
	f.Add("<details><summary><details><summary>浙ICP备2021047163号-1</summary></details></summary></details>")
	f.Add("<template><a href=x>浙ICP<span>备2021</span>047163号</a></template><base href=//beian.miit.gov.cn>")
	f.Add("<meta charset=gbk>\xd5\xe3ICP\xb1\xb82021047163\xba\xc5")
	f.Add("\xff\xfe<\x00p\x00>\x00")
	f.Add("<footer hidden style=\"" + strings.Repeat("color:red;", 40) + "display:none\">川ICP备15095485号-1 ɐicp 京ICP备xxxxxxxx号-x 合字B2-20170010</footer>")
	f.Add("<noscript><a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=33010602011771\">浙公网安备33010602011771号</a></noscript>")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := AuditFooter(strings.NewReader(s), auditWant, Limit(64<<10))
		if err != nil {
			t.Fatalf("reading a string failed: %v", err)
		}
		for _, f := range r.Findings {
			if f.Code == "" || f.Message == "" || f.Severity < icp.SeverityInfo || f.Severity > icp.SeverityError {
				t.Fatalf("malformed finding %+v", f)
			}
		}
	})
}
