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
