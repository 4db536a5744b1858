package icp_test

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
)

const deploymentJSON = `{"subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司", "number": "浙ICP备2021000001号",
  "certificate": {"type": "business_license", "number": "91350100M000100Y43"}, "province": "浙江",
  "owner": {"name": "张三", "document": {"type": "resident_id", "number": "11010519491231002X"}, "mobile": "13800138000"}},
 "sites": [{"number": "浙ICP备2021000001号-1", "name": "示例官网", "domains": ["example.com"],
  "manager": {"name": "张三", "document": {"type": "resident_id", "number": "11010519491231002X"}, "mobile": "13800138000"},
  "access": [{"provider": "aliyun", "ips": ["121.40.10.10"]}]}]}`

func ExamplePlan() {
	before, err := icp.DecodeDeployment(strings.NewReader(deploymentJSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Move the site to another provider.
	after, _ := icp.DecodeDeployment(strings.NewReader(deploymentJSON))
	after.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	for _, a := range icp.Plan(before, after).Actions {
		fmt.Println(a.Step, a.Type, a.Provider, a.Required, a.Verifiers)
		fmt.Println("  ", a.Reason.En)
	}
	// An IP change at the same provider needs nothing.
	same, _ := icp.DecodeDeployment(strings.NewReader(deploymentJSON))
	same.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.11")}
	fmt.Println(icp.Plan(before, same).Required())
	// Output:
	// 2 new_access tencent true [site_manager]
	//    moving to the access provider tencent: file a new access there (the number stays) before pointing the domain at it
	// 5 cancel_access aliyun false []
	//    after the new access is approved, cancel the access at the former provider aliyun
	// false
}

func ExampleCalendar_AddWorkdays() {
	cal := icp.DefaultCalendar()
	d := time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC)
	due, err := cal.AddWorkdays(d, 5) // across Mid-Autumn and National Day
	fmt.Println(due.Format(time.DateOnly), err)
	ok, _ := cal.IsWorkday(time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC)) // a make-up Saturday
	fmt.Println(ok)
	_, err = cal.IsWorkday(time.Date(2031, 1, 2, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// 2026-10-09 <nil>
	// true
	// icp: date outside the holiday calendar: 2031-01-02 (covered: 2020–2027)
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
