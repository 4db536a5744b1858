package audit_test

import (
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
