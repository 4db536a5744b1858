package refile_test

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/refile"
	"golang.org/x/text/language"
)

const deploymentJSON = `{"subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司", "number": "浙ICP备2021000001号",
  "certificate": {"type": "business_license", "number": "91350100M000100Y43"}, "province": "浙江",
  "owner": {"name": "张三", "document": {"type": "resident_id", "number": "11010519491231002X"}, "mobile": "13800138000"}},
 "sites": [{"number": "浙ICP备2021000001号-1", "name": "示例官网", "domains": ["example.com"],
  "manager": {"name": "张三", "document": {"type": "resident_id", "number": "11010519491231002X"}, "mobile": "13800138000"},
  "access": [{"provider": "aliyun", "ips": ["121.40.10.10"]}]}]}`

func ExamplePlan() {
	before, err := refile.DecodeDeployment(strings.NewReader(deploymentJSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Move the site to another provider.
	after, _ := refile.DecodeDeployment(strings.NewReader(deploymentJSON))
	after.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	for _, a := range refile.Plan(before, after, icp.WithLanguage(language.English)).Actions {
		fmt.Println(a.Step, a.Type, a.Provider, a.Required, a.Verifiers)
		fmt.Println("  ", a.Reason.Message)
	}
	// An IP change at the same provider needs nothing.
	same, _ := refile.DecodeDeployment(strings.NewReader(deploymentJSON))
	same.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.11")}
	fmt.Println(refile.Plan(before, same).Required())
	// Output:
	// 2 new_access tencent true [site_manager]
	//    moving to the access provider tencent: file a new access there (the number stays) before pointing the domain at it
	// 5 cancel_access aliyun false []
	//    after the new access is approved, cancel the access at the former provider aliyun
	// false
}
