package refile

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

func deployment(sites int) Deployment {
	owner := subject.Person{Name: "张三", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(ownerID)},
		Mobile: "13800138000", EmergencyPhone: "13900139000", Email: "admin@example.com", LegalRepresentative: true}
	d := Deployment{Subject: DeploymentSubject{Kind: subject.Enterprise, Name: "杭州示例网络科技有限公司",
		Number:      icp.MustParseNumber("浙ICP备2021000001号"),
		Certificate: subject.Document{Type: subject.BusinessLicense, Number: subject.Secret(zjCC)},
		Province:    province.Zhejiang, Address: "浙江省杭州市西湖区文三路100号5幢301室", Owner: owner}}
	for i := range sites {
		n, _ := d.Subject.Number.WithIndex(i+1, icp.Website)
		d.Sites = append(d.Sites, DeployedSite{Number: n, Name: fmt.Sprintf("示例站点%d", i+1),
			Domains: []string{fmt.Sprintf("example%d.com", i+1)}, Manager: owner,
			Access: []icp.Access{{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr("121.40.10.10")}}}})
	}
	return d
}

// clone deep-copies through JSON-free reflection of the fields we change.
func clone(d Deployment) Deployment {
	c := d
	c.Sites = make([]DeployedSite, len(d.Sites))
	for i, s := range d.Sites {
		s.Domains = append([]string(nil), s.Domains...)
		s.Access = append([]icp.Access(nil), s.Access...)
		for j := range s.Access {
			s.Access[j].IPs = append([]netip.Addr(nil), s.Access[j].IPs...)
		}
		c.Sites[i] = s
	}
	return c
}

type want struct {
	typ      icp.FilingType
	required bool
	code     string
}

func TestPlanSituations(t *testing.T) {
	base := deployment(2)
	individual := func() Deployment {
		d := clone(base)
		d.Subject.Kind, d.Subject.Name = subject.Individual, "张三"
		d.Subject.Certificate = d.Subject.Owner.Document
		d.Subject.Owner.LegalRepresentative = false
		for i := range d.Sites {
			d.Sites[i].Manager = d.Subject.Owner
		}
		return d
	}
	tests := []struct {
		name   string
		before func() Deployment
		after  func(d *Deployment)
		want   []want
		note   string
	}{
		{"move to another provider", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
		}, []want{{icp.NewAccess, true, "plan.new_access"}, {icp.CancelAccess, false, "plan.cancel_access"}}, ""},
		{"add a second provider", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites[0].Access = append(d.Sites[0].Access, icp.Access{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}})
		}, []want{{icp.NewAccess, true, "plan.new_access"}}, ""},
		{"no provider left: empty shell", func() Deployment { return clone(base) }, func(d *Deployment) { d.Sites[0].Access = nil },
			nil, "plan.empty_shell"},
		{"IP change at the same provider", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.99")}
		}, []want{{icp.ChangeAccess, false, "plan.ip_change"}}, ""},
		{"IP change of a commercial site", func() Deployment { b := clone(base); b.Sites[0].Commercial = true; return b }, func(d *Deployment) {
			d.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.99")}
		}, []want{{icp.ChangeAccess, true, "plan.ip_change_commercial"}}, ""},
		{"IP change in Hunan", func() Deployment {
			b := clone(base)
			b.Subject.Province = province.Hunan
			return b
		}, func(d *Deployment) { d.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.99")} },
			[]want{{icp.ChangeAccess, true, "plan.ip_change_required"}}, ""},
		{"a domain added to a site", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites[0].Domains = append(d.Sites[0].Domains, "example-new.cn")
		}, []want{{icp.NewSite, true, "plan.domain_added"}}, "plan.conflict_add_domain"},
		{"a domain removed", func() Deployment {
			b := clone(base)
			b.Sites[0].Domains = append(b.Sites[0].Domains, "example-old.cn")
			return b
		},
			func(d *Deployment) { d.Sites[0].Domains = d.Sites[0].Domains[:1] }, []want{{icp.ChangeSite, true, "plan.domain_removed"}}, ""},
		{"a site removed", func() Deployment { return clone(base) }, func(d *Deployment) { d.Sites = d.Sites[:1] },
			[]want{{icp.CancelSite, true, "plan.site_removed"}}, ""},
		{"a site added", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites = append(d.Sites, DeployedSite{Name: "新站点", Domains: []string{"brand-new.cn"}, Manager: d.Subject.Owner,
				Access: []icp.Access{{Provider: "aliyun", IPs: []netip.Addr{netip.MustParseAddr("121.40.10.10")}}}})
		}, []want{{icp.NewSite, true, "plan.new_site"}}, ""},
		{"subject renamed, same credit code", func() Deployment { return clone(base) }, func(d *Deployment) { d.Subject.Name = "杭州新名网络科技有限公司" },
			[]want{{icp.ChangeSubject, true, "plan.subject_renamed"}}, ""},
		{"subject address changed", func() Deployment { return clone(base) }, func(d *Deployment) { d.Subject.Address = "浙江省杭州市滨江区江南大道588号" },
			[]want{{icp.ChangeSubject, true, "plan.subject_changed"}}, ""},
		{"another legal entity", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Subject.Certificate.Number = subject.Secret(zjOtherCC)
			d.Subject.Name = "杭州另一公司"
		}, []want{{icp.SiteMigration, true, "plan.entity_migration"}, {icp.SiteMigration, true, "plan.entity_migration"}}, "plan.entity_cancel"},
		{"another legal entity where the province allows the swap", func() Deployment { b := clone(base); b.Subject.Province = province.Hebei; return b },
			func(d *Deployment) { d.Subject.Certificate.Number = subject.Secret(hebeiCC) },
			[]want{{icp.ChangeSubject, true, "plan.entity_change"}}, ""},
		{"individual to company, legal representative, Zhejiang", individual, func(d *Deployment) {
			d.Subject.Kind, d.Subject.Name = subject.Enterprise, "杭州示例网络科技有限公司"
			d.Subject.Certificate = subject.Document{Type: subject.BusinessLicense, Number: subject.Secret(zjCC)}
			d.Subject.Owner.LegalRepresentative = true
		}, []want{{icp.ChangeSubject, true, "plan.individual_to_company"}}, ""},
		{"individual to company, refused in Beijing", func() Deployment { d := individual(); d.Subject.Province = province.Beijing; return d }, func(d *Deployment) {
			d.Subject.Kind, d.Subject.Name = subject.Enterprise, "北京示例科技有限公司"
			d.Subject.Certificate = subject.Document{Type: subject.BusinessLicense, Number: subject.Secret(beijingCC)}
			d.Subject.Owner.LegalRepresentative = true
		}, []want{{icp.FirstFiling, true, "plan.individual_to_company"}, {icp.CancelSubject, true, "plan.individual_to_company"}}, ""},
		{"company to individual", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Subject.Kind, d.Subject.Name = subject.Individual, "张三"
			d.Subject.Certificate = d.Subject.Owner.Document
		}, []want{{icp.FirstFiling, true, "plan.company_to_individual"}, {icp.CancelSubject, true, "plan.company_to_individual"}}, ""},
		{"site manager replaced", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Sites[0].Manager = subject.Person{Name: "李四", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(managerID)},
				Mobile: "13700137000", EmergencyPhone: "13600136000", Email: "lisi@example.com"}
		}, []want{{icp.ChangeSite, true, "plan.site_changed"}}, ""},
		{"subject owner replaced", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Subject.Owner = subject.Person{Name: "李四", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(managerID)},
				Mobile: "13700137000", EmergencyPhone: "13600136000", Email: "lisi@example.com", LegalRepresentative: true}
		}, []want{{icp.ChangeSubject, true, "plan.subject_changed"}}, ""},
		{"subject owner replaced in Hunan", func() Deployment { b := clone(base); b.Subject.Province = province.Hunan; return b }, func(d *Deployment) {
			d.Subject.Owner = subject.Person{Name: "李四", Document: subject.Document{Type: subject.ResidentIDCard, Number: subject.Secret(managerID)},
				Mobile: "13700137000", EmergencyPhone: "13600136000", Email: "lisi@example.com", LegalRepresentative: true}
		}, []want{{icp.ChangeAll, true, "plan.owner_changed_all"}}, ""},
		{"an individual's contacts", individual, func(d *Deployment) {
			d.Subject.Owner.Mobile = "13500135000"
			for i := range d.Sites {
				d.Sites[i].Manager.Mobile = "13500135000"
			}
		}, []want{{icp.ChangeAll, true, "plan.contacts_all"}}, ""},
		{"move to another province", func() Deployment { return clone(base) }, func(d *Deployment) {
			d.Subject.Province = province.Jiangsu
			d.Subject.Address = "江苏省南京市玄武区中山路1号"
		}, []want{{icp.FirstFiling, true, "plan.province_moved"}, {icp.CancelSubject, true, "plan.province_moved"}}, ""},
		{"every site retired: an empty-shell subject (Zhejiang keeps it)", func() Deployment { return clone(base) }, func(d *Deployment) { d.Sites = nil },
			[]want{{icp.CancelSite, true, "plan.site_removed"}, {icp.CancelSite, true, "plan.site_removed"}}, "plan.empty_subject_kept"},
		{"every site retired in Henan: the subject is cancelled", func() Deployment { b := clone(base); b.Subject.Province = province.Henan; return b },
			func(d *Deployment) { d.Sites = nil }, []want{{icp.CancelSite, true, "plan.site_removed"}, {icp.CancelSite, true, "plan.site_removed"}}, "plan.empty_subject_cancelled"},
		{"domain ownership transferred", func() Deployment {
			b := clone(base)
			b.Sites[0].DomainHolder = "杭州示例网络科技有限公司"
			return b
		},
			func(d *Deployment) { d.Sites[0].DomainHolder = "别的公司" }, []want{{icp.SiteMigration, true, "plan.domain_transferred"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.before()
			after := clone(before)
			tt.after(&after)
			plan := Plan(before, after)
			var got []want
			for _, a := range plan.Actions {
				got = append(got, want{a.Type, a.Required, a.Reason.Code})
				assert.NotEmpty(t, a.Reason.Message)
				assert.NotEmpty(t, a.Reason.Source)
				assert.Positive(t, a.Step)
			}
			if tt.want != nil {
				assert.ElementsMatch(t, tt.want, got)
			}
			if tt.note != "" {
				var notes []string
				for _, n := range plan.Notes {
					notes = append(notes, n.Code)
				}
				assert.Contains(t, notes, tt.note)
			}
		})
	}
}

func TestPlanOrdering(t *testing.T) {
	before := deployment(2)
	after := clone(before)
	after.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	after.Sites[1].Name = "改名的站点"
	after.Sites = append(after.Sites, DeployedSite{Name: "新站点", Domains: []string{"brand-new.cn"}, Manager: after.Subject.Owner,
		Access: []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}})
	plan := Plan(before, after)
	var types []icp.FilingType
	for _, a := range plan.Actions {
		types = append(types, a.Type)
	}
	// Zhejiang does not allow "access first, change later": change first.
	assert.Equal(t, []icp.FilingType{icp.ChangeSite, icp.NewAccess, icp.NewSite, icp.CancelAccess}, types)
	assert.Equal(t, []int{0, 1, 2, 3}, []int{plan.Actions[0].WaitsFor, plan.Actions[1].WaitsFor, plan.Actions[2].WaitsFor, plan.Actions[3].WaitsFor},
		"each step waits for the one before: change (1) ← access (2) ← new site (3) ← cancel access")
	codes := map[string]bool{}
	for _, n := range plan.Notes {
		codes[n.Code] = true
	}
	assert.True(t, codes["plan.change_first"])
	assert.True(t, codes["plan.order_sequential"])

	// Beijing allows access first.
	before.Subject.Province = province.Beijing
	before.Subject.Number = icp.MustParseNumber("京ICP备12345678号")
	for i := range before.Sites {
		before.Sites[i].Number, _ = before.Subject.Number.WithIndex(i+1, icp.Website)
	}
	after2 := clone(before)
	after2.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	after2.Sites[1].Name = "改名的站点"
	plan = Plan(before, after2)
	types = nil
	for _, a := range plan.Actions {
		types = append(types, a.Type)
	}
	assert.Equal(t, []icp.FilingType{icp.NewAccess, icp.ChangeSite, icp.CancelAccess}, types)
}

func TestPlanProperties(t *testing.T) {
	for n := range 4 {
		d := deployment(n)
		p := Plan(d, d)
		assert.Empty(t, p.Actions, "Plan(x, x) requires nothing")
		assert.False(t, p.Required())
		assert.True(t, p.Findings.OK())
	}
	before := deployment(3)
	after := clone(before)
	after.Sites[2].Access[0].Provider = "huawei"
	after.Sites[0].Domains = append(after.Sites[0].Domains, "z-new.cn", "a-new.cn")
	first := Plan(before, after)
	for range 20 {
		assert.True(t, reflect.DeepEqual(first, Plan(before, after)), "the plan is deterministic")
	}
}

func TestPlanInvalid(t *testing.T) {
	d := deployment(1)
	sourced := func(p Result) {
		t.Helper()
		for _, f := range p.Findings.Findings {
			assert.NotEmpty(t, f.Source, "%s at %s names its source", f.Code, f.Field)
		}
	}
	bad := clone(d)
	bad.Sites[0].Number = icp.MustParseNumber("浙ICP备2021000009号-1")
	p := Plan(d, bad)
	require.False(t, p.Findings.OK())
	assert.Equal(t, "after.sites[0].number", p.Findings.Errors()[0].Field)
	assert.Empty(t, p.Actions)
	sourced(p)
	bad = clone(d)
	bad.Subject.Province = 0
	p = Plan(bad, d)
	assert.Equal(t, "before.subject.province", p.Findings.Errors()[0].Field)
	sourced(p)
	bad = clone(d)
	bad.Sites[0].Access[0].IPs = []netip.Addr{{}}
	p = Plan(d, bad)
	assert.Equal(t, "after.sites[0].access[0].ips[0]", p.Findings.Errors()[0].Field)
	sourced(p)
}

func TestDecodeDeployment(t *testing.T) {
	js := `{"subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司", "number": "浙ICP备2021000001号",
	  "certificate": {"type": "business_license", "number": "` + zjCC + `"}, "province": "浙江",
	  "owner": {"name": "张三", "document": {"type": "resident_id", "number": "` + ownerID + `"}, "mobile": "13800138000"}},
	 "sites": [{"number": "浙ICP备2021000001号-1", "name": "示例", "domains": ["example.com"],
	  "manager": {"name": "张三", "document": {"type": "resident_id", "number": "` + ownerID + `"}, "mobile": "13800138000"},
	  "access": [{"provider": "aliyun", "ips": ["203.0.113.10"]}], "commercial": false}]}`
	d, err := DecodeDeployment(strings.NewReader(js))
	require.NoError(t, err)
	assert.Equal(t, "浙ICP备2021000001号-1", d.Sites[0].Number.String())
	_, err = DecodeDeployment(strings.NewReader(strings.Replace(js, `"commercial"`, `"comercial"`, 1)))
	var de *icp.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "sites[0].comercial", de.Path)
	b, err := json.Marshal(Plan(d, d))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"actions":[]`)
}

func FuzzPlan(f *testing.F) {
	base, _ := json.Marshal(struct{}{})
	_ = base
	seed := `{"subject":{"kind":"enterprise","name":"a","number":"浙ICP备2021000001号","certificate":{"type":"business_license","number":"` + zjCC + `"},"province":"浙江","owner":{"name":"张三","document":{"type":"resident_id","number":"` + ownerID + `"},"mobile":"13800138000"}},"sites":[{"number":"浙ICP备2021000001号-1","name":"示例","domains":["example.com"],"manager":{"name":"张三"},"access":[{"provider":"aliyun","ips":["121.40.10.10"]}]}]}`
	f.Add(seed, strings.Replace(seed, "aliyun", "tencent", 1))
	f.Add(seed, strings.Replace(seed, `"example.com"`, `"example.com","b.cn"`, 1))
	f.Add(seed, strings.Replace(seed, "浙江", "江苏", 1))
	f.Add(seed, `{}`)
	f.Add(`[`, seed)
	f.Fuzz(func(t *testing.T, a, b string) {
		before, err1 := DecodeDeployment(strings.NewReader(a))
		after, err2 := DecodeDeployment(strings.NewReader(b))
		if err1 != nil || err2 != nil {
			return
		}
		p := Plan(before, after)
		if !reflect.DeepEqual(p, Plan(before, after)) {
			t.Fatal("plan not deterministic")
		}
		if len(Plan(after, after).Actions) != 0 && Plan(after, after).Findings.OK() {
			t.Fatal("Plan(x, x) requires an action")
		}
	})
}

func BenchmarkPlan10Sites(b *testing.B) {
	before := deployment(10)
	after := clone(before)
	after.Sites[3].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.99")}
	b.ReportAllocs()
	for b.Loop() {
		_ = Plan(before, after)
	}
}

func TestVerifiersForChange(t *testing.T) {
	assert.Equal(t, []icp.Verifier{icp.VerifierOwner}, verifiersForChange(true, false))
	assert.Equal(t, []icp.Verifier{icp.VerifierManager}, verifiersForChange(false, true))
	assert.Nil(t, verifiersForChange(false, false), "an access-only change needs no SMS")
}
